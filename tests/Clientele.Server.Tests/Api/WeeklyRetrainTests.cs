using Clientele.Server.Tests.Fixtures;

namespace Clientele.Server.Tests.Api;

public sealed class WeeklyRetrainTests(StoredServerFactory factory) : IClassFixture<StoredServerFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.EnsureStoredAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Weekly_retrain_trains_elite_on_stored_notes_and_activates_it()
    {
        var client = factory.CreateAuthorizedClient();
        var job = await (await client.PostAsync("/api/runs/weekly-retrain", null)).Json();
        var done = await Http.WaitForJob(client, job.GetProperty("id").GetString()!, TimeSpan.FromMinutes(5));
        Assert.True(done.GetProperty("status").GetString() == "succeeded", done.ToString());
        var version = done.GetProperty("version").GetString()!;
        Assert.Contains("-elite-", version, StringComparison.Ordinal);
        var health = await (await client.GetAsync("/health")).Json();
        Assert.Equal(version, health.GetProperty("model_version").GetString());
        Assert.Equal("elite", health.GetProperty("model_tier").GetString());
        var run = (await (await client.GetAsync("/api/runs")).Json()).EnumerateArray().Single(r => r.GetProperty("run_id").GetString() == done.GetProperty("id").GetString());
        Assert.Equal("weekly-retrain", run.GetProperty("kind").GetString());
        Assert.Equal(StoredServerFactory.Clients, run.GetProperty("clients").GetInt32());
    }
}

public sealed class FailedRunTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    [Fact]
    public async Task Weekly_retrain_with_no_stored_notes_fails_recorded_and_keeps_the_model()
    {
        var client = factory.CreateAuthorizedClient();
        var job = await (await client.PostAsync("/api/runs/weekly-retrain", null)).Json();
        var done = await Http.WaitForJob(client, job.GetProperty("id").GetString()!);
        Assert.Equal("failed", done.GetProperty("status").GetString());
        var run = (await (await client.GetAsync("/api/runs")).Json()).EnumerateArray().Single(r => r.GetProperty("run_id").GetString() == done.GetProperty("id").GetString());
        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Contains("no notes", run.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("v1", (await (await client.GetAsync("/health")).Json()).GetProperty("model_version").GetString());
    }
}
