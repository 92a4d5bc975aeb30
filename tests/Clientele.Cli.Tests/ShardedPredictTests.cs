using Clientele.Synthetic;
using Npgsql;
using Xunit.Abstractions;

namespace Clientele.Cli.Tests;

/// <summary>
/// Four real <c>predict --shard k/4</c> worker processes on one PostgreSQL (CLIENTELE_TEST_PG; skipped without it on a
/// developer machine, required in CI), one of them SIGKILLed while staging and rerun: every client is scored exactly
/// once, and rerunning a finished shard changes nothing.
/// </summary>
public sealed class ShardedPredictTests : IDisposable
{
    /// <summary>The figure is 200,000 (run by hand, docs/SCALING.md); 20,000 keeps CI within a minute or two.</summary>
    private const int Clients = 20_000;

    private const int Shards = 4;

    private readonly ITestOutputHelper _output;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "clientele-shards-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly string? _admin = Environment.GetEnvironmentVariable("CLIENTELE_TEST_PG") is { Length: > 0 } v ? v : null;
    private readonly string _schema = "clientele_shards_" + Guid.NewGuid().ToString("N")[..12];

    public ShardedPredictTests(ITestOutputHelper output)
    {
        _output = output;
        Directory.CreateDirectory(_dir);
    }

    private string Db => new NpgsqlConnectionStringBuilder(_admin) { SearchPath = _schema }.ConnectionString;

    [PostgresFact]
    public void Four_workers_with_one_killed_and_rerun_score_every_client_exactly_once()
    {
        Assert.True(_admin is not null, "CLIENTELE_TEST_PG is not set but CI=true: source .ci/postgres.sh before dotnet test");
        Execute($"CREATE SCHEMA {_schema}");
        using (var notes = new StreamWriter(Path.Combine(_dir, "notes.csv")))
        using (var labels = new StreamWriter(Path.Combine(_dir, "labels.csv")))
        {
            NotesGenerator.Write(new GeneratorOptions(Clients, Seed: 17), notes, labels);
        }

        using (var small = new StreamWriter(Path.Combine(_dir, "train.csv")))
        using (var labels = new StreamWriter(Path.Combine(_dir, "train-labels.csv")))
        {
            NotesGenerator.Write(new GeneratorOptions(2000, Seed: 3), small, labels);
        }

        CliProcess.Run(_dir, "train", "--notes", "train.csv", "--labels", "train-labels.csv", "--tier", "fast", "--out", "model", "--no-store", "-q");
        using (var store = Clientele.Storage.Store.StoreFactory.Open(Db))
        {
            store.Migrate(); // once, before the workers (they would queue on the migration lock otherwise)
        }

        // Shard 2 is killed while its rows are staged; the other three run alongside it.
        var workers = Enumerable.Range(0, Shards).Where(k => k != 2).Select(k => Task.Run(() => CliProcess.Run(_dir, Worker(k)))).ToList();
        var (reached, exited) = CliProcess.KillAt(_dir, "store", 100, Worker(2));
        Task.WaitAll([.. workers]);
        _output.WriteLine($"shard 2 killed after 'store' + 100 ms: reached={reached}, exited={exited}");
        Assert.True(reached);
        var killedPublished = Count("SELECT COUNT(*) FROM runs WHERE run_id LIKE '%-shard-2-4'") == 1;
        Assert.Equal(killedPublished, exited);
        // A killed shard publishes neither its rows nor its scores file; the other three published both.
        Assert.Equal(killedPublished, File.Exists(Path.Combine(_dir, "scores-2.csv")));
        AssertScoredOnce(killedPublished ? Clients : ShardSize(0) + ShardSize(1) + ShardSize(3));

        CliProcess.Run(_dir, Worker(2));
        AssertScoredOnce(Clients);
        var before = Count("SELECT COUNT(*) FROM predictions");

        CliProcess.Run(_dir, Worker(1)); // a finished shard rerun: same rows, no second history row
        AssertScoredOnce(Clients);
        Assert.Equal(before, Count("SELECT COUNT(*) FROM predictions"));
        Assert.Equal(Shards, Count("SELECT COUNT(*) FROM runs WHERE kind = 'predict' AND run_id LIKE '%-shard-%'"));
    }

    private string[] Worker(int k) =>
        ["predict", "--model", "model", "--notes", "notes.csv", "--out", $"scores-{k}.csv", "--shard", $"{k}/{Shards}", "--no-reasons", "--db", Db,
            "--as-of", new GeneratorOptions(Clients, Seed: 17).AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)];

    /// <summary>Clients of shard <paramref name="k"/>: the rows of its scores CSV (renamed into place once its store has published).</summary>
    private long ShardSize(int k) => File.ReadLines(Path.Combine(_dir, $"scores-{k}.csv")).LongCount() - 1;

    /// <summary>There are <paramref name="expected"/> predictions, one per client, all of one scoring (one as-of).</summary>
    private void AssertScoredOnce(long expected)
    {
        var rows = Count("SELECT COUNT(*) FROM predictions");
        var clients = Count("SELECT COUNT(DISTINCT client_id) FROM predictions");
        _output.WriteLine($"{rows} predictions of {clients} clients (expected {expected})");
        Assert.Equal(expected, rows);
        Assert.Equal(expected, clients);
        Assert.Equal(expected, Count("SELECT COUNT(*) FROM clients"));
        Assert.True(Count("SELECT COUNT(DISTINCT as_of) FROM predictions") <= 1, "shards scored to different as-of dates");
    }

    private long Count(string sql)
    {
        using var c = new NpgsqlConnection(Db);
        c.Open();
        using var command = new NpgsqlCommand(sql, c);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void Execute(string sql)
    {
        using var c = new NpgsqlConnection(_admin);
        c.Open();
        using var command = new NpgsqlCommand(sql, c);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        if (_admin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            Execute($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
        }

        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
