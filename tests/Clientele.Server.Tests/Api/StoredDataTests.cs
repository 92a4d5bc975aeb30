using System.Text.Json;
using Clientele.Server.Tests.Fixtures;

namespace Clientele.Server.Tests.Api;

public sealed class StoredDataTests(StoredServerFactory factory) : IClassFixture<StoredServerFactory>, IAsyncLifetime
{
    private static readonly string[] TopSegments = ["High", "VIP"];

    public Task InitializeAsync() => factory.EnsureStoredAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Client_list_is_paged_with_latest_scores()
    {
        var page = await (await factory.CreateClient().GetAsync("/api/clients?page=2&page_size=25")).Json();
        Assert.Equal(StoredServerFactory.Clients, page.GetProperty("total").GetInt32());
        Assert.Equal(25, page.GetProperty("items").GetArrayLength());
        var row = page.GetProperty("items")[0];
        // The store orders by predicted CLV (highest first), then id: page 2 starts at the 26th of that order.
        var all = await (await factory.CreateClient().GetAsync("/api/clients?page_size=500")).Json();
        Assert.Equal(all.GetProperty("items")[25].GetProperty("client_id").GetString(), row.GetProperty("client_id").GetString());
        var clv = all.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("score").GetProperty("predicted_clv").GetDouble()).ToList();
        Assert.Equal(clv.OrderByDescending(v => v), clv);
        Assert.Equal("v1", row.GetProperty("model_version").GetString());
        Assert.InRange(row.GetProperty("score").GetProperty("churn_risk").GetDouble(), 0, 1);
    }

    [Fact]
    public async Task Client_list_filters_by_segment_and_search()
    {
        var all = await (await factory.CreateClient().GetAsync("/api/clients?page_size=500")).Json();
        var segment = all.GetProperty("items")[0].GetProperty("score").GetProperty("value_segment").GetString()!;
        var filtered = await (await factory.CreateClient().GetAsync($"/api/clients?segment={Uri.EscapeDataString(segment)}&page_size=500")).Json();
        Assert.All(filtered.GetProperty("items").EnumerateArray(), r => Assert.Equal(segment, r.GetProperty("score").GetProperty("value_segment").GetString()));
        var risk = all.GetProperty("items")[0].GetProperty("score").GetProperty("risk_segment").GetString()!;
        var byRisk = await (await factory.CreateClient().GetAsync($"/api/clients?risk={Uri.EscapeDataString(risk)}&page_size=500")).Json();
        Assert.All(byRisk.GetProperty("items").EnumerateArray(), r => Assert.Equal(risk, r.GetProperty("score").GetProperty("risk_segment").GetString()));

        var search = await (await factory.CreateClient().GetAsync("/api/clients?q=C_0007")).Json();
        Assert.Equal("C_0007", Assert.Single(search.GetProperty("items").EnumerateArray()).GetProperty("client_id").GetString());
    }

    [Fact]
    public async Task Client_detail_has_notes_concepts_history_and_a_name()
    {
        var detail = await (await factory.CreateClient().GetAsync("/api/clients/C_0001")).Json();
        Assert.Equal("C_0001", detail.GetProperty("client").GetProperty("client_id").GetString());
        Assert.False(string.IsNullOrEmpty(detail.GetProperty("client").GetProperty("display_name").GetString()));
        Assert.NotEqual(0, detail.GetProperty("notes").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(detail.GetProperty("notes")[0].GetProperty("text").GetString()));
        Assert.NotEqual(0, detail.GetProperty("concepts").GetArrayLength());
        Assert.True(detail.GetProperty("history").GetArrayLength() >= 1);
    }

    [Fact]
    public async Task Summary_counts_add_up()
    {
        var s = await (await factory.CreateClient().GetAsync("/api/summary")).Json();
        Assert.Equal(StoredServerFactory.Clients, s.GetProperty("clients").GetInt32());
        Assert.InRange(s.GetProperty("average_purchase").GetDouble(), 0, 1);
        Assert.InRange(s.GetProperty("average_churn").GetDouble(), 0, 1);
        Assert.True(s.GetProperty("average_clv").GetDouble() > 0);
        Assert.Equal(StoredServerFactory.Clients, Sum(s.GetProperty("value_segments")));
        Assert.Equal(StoredServerFactory.Clients, Sum(s.GetProperty("risk_segments")));
        foreach (var h in new[] { "purchase", "churn", "clv" })
        {
            Assert.Equal(StoredServerFactory.Clients, s.GetProperty(h).GetProperty("counts").EnumerateArray().Sum(c => c.GetInt32()));
        }

        Assert.NotEqual(0, s.GetProperty("top_concepts").GetArrayLength());
        foreach (var c in s.GetProperty("call_list").EnumerateArray())
        {
            Assert.Contains(c.GetProperty("score").GetProperty("value_segment").GetString(), TopSegments);
            Assert.True(c.GetProperty("score").GetProperty("churn_risk").GetDouble() >= 0.6);
        }
    }

    [Fact]
    public async Task Nightly_run_rescoring_is_recorded_and_rewrites_the_same_scoring_in_place()
    {
        var client = factory.CreateAuthorizedClient();
        var response = await client.PostAsync("/api/runs/nightly-score", null);
        var job = await response.Json();
        var done = await Http.WaitForJob(client, job.GetProperty("id").GetString()!);
        Assert.True(done.GetProperty("status").GetString() == "succeeded", done.ToString());

        var runs = await (await client.GetAsync("/api/runs")).Json();
        var run = runs.EnumerateArray().Single(r => r.GetProperty("run_id").GetString() == job.GetProperty("id").GetString());
        Assert.Equal("nightly-score", run.GetProperty("kind").GetString());
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal(StoredServerFactory.Clients, run.GetProperty("clients").GetInt32());
        Assert.Equal("v1", run.GetProperty("model_version").GetString());
        Assert.True(run.GetProperty("finished_at").ValueKind == JsonValueKind.String);
        // Same version, same notes, hence same as-of: the same scoring, so its row is rewritten (scored again, now)
        // rather than a duplicate added; history is one row per (version, as-of).
        var history = factory.Store.GetPredictionHistory("C_0002");
        Assert.Equal(history.Count, history.Select(p => p.ModelVersion).Distinct().Count());
        Assert.True(history[0].ScoredAt >= run.GetProperty("started_at").GetDateTimeOffset(), "the nightly run did not rescore the client");
    }

    [Fact]
    public async Task Unknown_run_kind_is_404()
    {
        await (await factory.CreateAuthorizedClient().PostAsync("/api/runs/hourly", null)).Problem(404);
    }

    private static int Sum(JsonElement counts) => counts.EnumerateObject().Sum(p => p.Value.GetInt32());
}
