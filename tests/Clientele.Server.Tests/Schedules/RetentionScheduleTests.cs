using Clientele.Server.Tests.Fixtures;
using Clientele.Storage.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Server.Tests.Schedules;

/// <summary>
/// A server whose retention schedule fires every minute and whose clock stands a few seconds before a minute turns,
/// with a run an earlier, killed process left "running", an orphan bundle folder and an expired note in its store.
/// </summary>
public sealed class RetentionServerFactory : ServerFactory
{
    public RetentionServerFactory()
    {
        using var store = new SqliteStore("Data Source=" + Path.Combine(Root, "clientele.db"));
        store.Migrate();
        store.SaveRun(new RunRecord("killed-run", "nightly-score", "running", DateTimeOffset.UtcNow.AddHours(-3), null, 0, "v1", null));
        store.SaveClients([new ClientRecord("OLD", string.Empty, null, null, 1, "EN")], [new Core.Ingest.Note("OLD", new DateOnly(2020, 1, 1), "EN", "an old note", 3)], []);
        Orphan = Path.Combine(ModelsRoot, "20240101-000000-fast-abcdef");
        Directory.CreateDirectory(Orphan);
        File.WriteAllText(Path.Combine(Orphan, "metadata.json"), "{}");
        Directory.SetLastWriteTimeUtc(Orphan, DateTime.UtcNow.AddHours(-2));
    }

    /// <summary>A bundle folder no version references, unchanged for two hours.</summary>
    public string Orphan { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(new SoonNextMinute(TimeSpan.FromSeconds(8)));
            services.PostConfigure<ServerOptions>(o =>
            {
                o.Schedules.Retention = "* * * * *";
                o.Retention = new Workflows.Retention.RetentionPolicy { NotesDays = 365 };
            });
        });
    }

    /// <summary>The real clock shifted so that, when made, the next minute is <c>lead</c> away: the schedule fires at once.</summary>
    private sealed class SoonNextMinute : TimeProvider
    {
        private readonly TimeSpan shift;

        public SoonNextMinute(TimeSpan lead)
        {
            var now = DateTimeOffset.UtcNow;
            var nextMinute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(1);
            shift = nextMinute - lead - now;
        }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }
}

public sealed class RetentionScheduleTests(RetentionServerFactory factory) : IClassFixture<RetentionServerFactory>
{
    [Fact]
    public async Task The_retention_schedule_records_a_run_that_deletes_expired_notes_and_orphan_bundle_folders_only()
    {
        var client = factory.CreateAuthorizedClient();
        var until = DateTime.UtcNow.AddSeconds(90);
        System.Text.Json.JsonElement? run = null;
        while (run is null && DateTime.UtcNow < until)
        {
            run = (await (await client.GetAsync("/api/runs")).Json()).EnumerateArray()
                .Where(r => r.GetProperty("kind").GetString() == "retention" && r.GetProperty("status").GetString() is "succeeded" or "failed")
                .Cast<System.Text.Json.JsonElement?>().FirstOrDefault();
            await Task.Delay(250);
        }

        Assert.True(run is not null, "no retention run recorded within 90 s");
        Assert.Equal("succeeded", run.Value.GetProperty("status").GetString());
        Assert.Equal("deleted 1 notes, 0 predictions, 0 model versions, 1 bundle folders", run.Value.GetProperty("message").GetString());
        Assert.False(Directory.Exists(factory.Orphan));
        Assert.True(File.Exists(Path.Combine(factory.ModelsRoot, "v1", "metadata.json")));
        Assert.Empty(factory.Store.GetNotes("OLD"));
    }

    [Fact]
    public async Task A_run_left_running_by_a_killed_server_is_marked_failed_at_start()
    {
        var client = factory.CreateAuthorizedClient();
        var runs = (await (await client.GetAsync("/api/runs")).Json()).EnumerateArray().ToList();
        var killed = runs.Single(r => r.GetProperty("run_id").GetString() == "killed-run");
        Assert.Equal("failed", killed.GetProperty("status").GetString());
        Assert.Equal(ServerMessages.RunInterrupted, killed.GetProperty("message").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, killed.GetProperty("finished_at").ValueKind);
    }
}
