using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Clientele.Server.Tests.Fixtures;
using Clientele.Synthetic;
using Npgsql;
using Xunit.Abstractions;

namespace Clientele.Server.Tests.Replicas;

/// <summary>
/// Three real <c>clientele serve</c> processes on one PostgreSQL (CLIENTELE_TEST_PG; skipped without it on a developer
/// machine, required in CI): trainings queued on one replica are each run once, by whichever replica claims them; an
/// activation on one is served by all three within 5 s; a schedule due on all three runs once.
/// </summary>
public sealed class ReplicaTests : IDisposable
{
    private const int Replicas = 3;
    private const string Key = "replica-test-admin-key-0123456789";
    private static readonly TimeSpan JobDeadline = TimeSpan.FromSeconds(240);

    private readonly ITestOutputHelper _output;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "clientele-replicas-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly string? _admin = Environment.GetEnvironmentVariable("CLIENTELE_TEST_PG") is { Length: > 0 } v ? v : null;
    private readonly string _schema = "clientele_replicas_" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<ServeProcess> _servers = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public ReplicaTests(ITestOutputHelper output)
    {
        _output = output;
        Directory.CreateDirectory(_dir);
        _http.DefaultRequestHeaders.Add("X-Api-Key", Key);
    }

    private string Db => new NpgsqlConnectionStringBuilder(_admin) { SearchPath = _schema }.ConnectionString;

    [PostgresFact]
    public async Task Three_serve_processes_on_one_PostgreSQL_share_jobs_activations_and_schedules()
    {
        Assert.True(_admin is not null, "CLIENTELE_TEST_PG is not set but CI=true: source .ci/postgres.sh before dotnet test");
        Execute($"CREATE SCHEMA {_schema}");
        using (var store = Storage.Store.StoreFactory.Open(Db))
        {
            store.Migrate(); // once, so the replicas start on a ready schema
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CLIENTELE_API_KEY"] = Key,
            ["Clientele__ModelsRoot"] = Path.Combine(_dir, "models"), // the folder every replica loads bundles from
            ["Clientele__Schedules__NightlyScoring"] = "* * * * *",
            ["Clientele__Schedules__WeeklyRetrain"] = "0 3 1 1 *",
        };
        for (var i = 0; i < Replicas; i++)
        {
            _servers.Add(new ServeProcess(_dir, Db, environment));
        }

        foreach (var s in _servers)
        {
            await WaitForHealth(s);
        }

        var allUp = DateTime.Now;

        // Two trainings queued on replica 0; each must be run exactly once, whichever replica takes it.
        var jobs = new List<string>();
        foreach (var seed in new[] { 5, 6 })
        {
            jobs.Add(await QueueTraining(_servers[0], seed));
        }

        var versions = new List<string>();
        foreach (var id in jobs)
        {
            var done = await WaitForJob(_servers[1], id); // followed on another replica than the one that queued it
            Assert.Equal("succeeded", done.GetProperty("status").GetString());
            versions.Add(done.GetProperty("version").GetString()!);
            Assert.Equal(1, Count($"took job {id} ("));
        }

        // Every replica loads newly trained versions ahead (so an activation is a swap); wait for that, as an operator's
        // activation comes after training, not in the same second.
        foreach (var version in versions)
        {
            await WaitForLog($"loaded version {version} ahead", Replicas, TimeSpan.FromSeconds(60));
        }

        // Activating a version on one replica reaches all three within 5 s: the first on replica 0, the other on replica 2.
        await ActivateAndWait(_servers[0], versions[0]);
        await ActivateAndWait(_servers[2], versions[1]);

        // The nightly schedule (every minute here) is due on all three replicas; each firing runs once.
        var run = await WaitForScheduledRun(allUp);
        await Task.Delay(TimeSpan.FromSeconds(2)); // the console log is written asynchronously
        _output.WriteLine($"scheduled run {run}");
        Assert.Equal(1, Count($"took job {run} ("));
        Assert.Equal(Replicas - 1, Count($"Job {run} (nightly-score) was already queued by another replica"));
        Assert.Equal(1L, long.Parse(Scalar($"SELECT COUNT(*) FROM runs WHERE run_id = '{run}'"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(_servers, s => Assert.False(s.HasExited, s.Log));
    }

    public void Dispose()
    {
        foreach (var s in _servers)
        {
            _output.WriteLine($"--- replica {s.Port} ---");
            _output.WriteLine(s.Log);
            s.Dispose();
        }

        _http.Dispose();
        if (_admin is not null)
        {
            try
            {
                Execute($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
            }
            catch (NpgsqlException)
            {
                // Left for the throwaway server to take away.
            }
        }

        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<string> QueueTraining(ServeProcess server, int seed)
    {
        var notes = new StringWriter();
        var labels = new StringWriter();
        NotesGenerator.Write(new GeneratorOptions(300, Seed: seed), notes, labels);
        using var form = Http.File(Encoding.UTF8.GetBytes(notes.ToString()), "notes", "notes.csv").AddFile(labels.ToString(), "labels", "labels.csv");
        form.Add(new StringContent("fast"), "tier");
        var response = await _http.PostAsync($"{server.Url}/api/train", form);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 202, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> WaitForJob(ServeProcess server, string id)
    {
        var until = DateTime.UtcNow + JobDeadline;
        while (DateTime.UtcNow < until)
        {
            var job = await (await _http.GetAsync($"{server.Url}/api/jobs/{id}")).Json();
            if (job.GetProperty("status").GetString() is "succeeded" or "failed")
            {
                _output.WriteLine($"job {id}: {job.GetProperty("status")}, {job.GetProperty("version")}, {job.GetProperty("message")}");
                return job;
            }

            await Task.Delay(500);
        }

        Assert.Fail($"job {id} did not finish within {JobDeadline}");
        return default;
    }

    private async Task WaitForHealth(ServeProcess server)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (DateTime.UtcNow < until)
        {
            Assert.False(server.HasExited, server.Log);
            try
            {
                if ((await _http.GetAsync($"{server.Url}/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        Assert.Fail($"replica on {server.Url} did not start: {server.Log}");
    }

    private async Task ActivateAndWait(ServeProcess on, string version)
    {
        var clock = Stopwatch.StartNew();
        (await _http.PostAsync($"{on.Url}/api/models/{version}/activate", null)).EnsureSuccessStatusCode();
        foreach (var s in _servers)
        {
            await WaitForModel(s, version, TimeSpan.FromSeconds(5) - clock.Elapsed);
            _output.WriteLine($"replica {s.Port} serves {version} {clock.Elapsed.TotalMilliseconds:F0} ms after the activation request on {on.Port}");
        }
    }

    /// <summary>Waits until <paramref name="server"/>'s /health names <paramref name="version"/>; returns how long it took.</summary>
    private async Task<TimeSpan> WaitForModel(ServeProcess server, string version, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        string? served = null;
        while (clock.Elapsed <= within)
        {
            var health = await (await _http.GetAsync($"{server.Url}/health")).Json();
            served = health.GetProperty("model_version").GetString();
            if (served == version)
            {
                return clock.Elapsed;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"replica {server.Url} still served {served ?? "no model"} instead of {version} after {within.TotalSeconds:F1} s");
        return clock.Elapsed;
    }

    /// <summary>The id of a finished nightly run whose due minute came after every replica was up (so all three fired it).</summary>
    private async Task<string> WaitForScheduledRun(DateTime allUp)
    {
        var after = "nightly-score-" + allUp.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture);
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(150);
        while (DateTime.UtcNow < until)
        {
            var id = Scalar($"SELECT MIN(run_id) FROM runs WHERE kind = 'nightly-score' AND status IN ('succeeded', 'failed') AND run_id > '{after}'");
            if (id.Length > 0)
            {
                return id;
            }

            await Task.Delay(1000);
        }

        Assert.Fail("no scheduled run finished");
        return string.Empty;
    }

    private async Task WaitForLog(string text, int times, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (Count(text) < times)
        {
            Assert.True(DateTime.UtcNow < until, $"'{text}' logged {Count(text)} times, not {times}, within {within.TotalSeconds:F0} s");
            await Task.Delay(250);
        }
    }

    private int Count(string text) =>
        _servers.Sum(s => s.Log.Split(text, StringSplitOptions.None).Length - 1);

    private string Scalar(string sql)
    {
        using var c = new NpgsqlConnection(Db);
        c.Open();
        using var command = new NpgsqlCommand(sql, c);
        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)! : string.Empty;
    }

    private void Execute(string sql)
    {
        using var c = new NpgsqlConnection(_admin);
        c.Open();
        using var command = new NpgsqlCommand(sql, c);
        command.ExecuteNonQuery();
    }
}
