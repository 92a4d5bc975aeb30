using Clientele.Server.Tests.Fixtures;

namespace Clientele.Server.Tests.Api;

public sealed class HotSwapTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    [Fact]
    public async Task Concurrent_predictions_never_fail_while_versions_are_swapped()
    {
        factory.AddVersion("v2");
        var csv = NoteGenerator.Csv(20, seed: 5, idPrefix: "H");
        var admin = factory.CreateAuthorizedClient();
        using var stop = new CancellationTokenSource();
        var swaps = 0;
        var swapper = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var version = swaps % 2 == 0 ? "v2" : "v1";
                var r = await admin.PostAsync($"/api/models/{version}/activate", null);
                Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
                swaps++;
            }
        });

        var client = factory.CreateClient();
        var gate = new SemaphoreSlim(16);
        var requests = Enumerable.Range(0, 200).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                var response = await client.PostAsync("/api/predict", Http.File(csv));
                var body = await response.Content.ReadAsStringAsync();
                return (response.IsSuccessStatusCode, Version: response.Headers.TryGetValues("X-Model-Version", out var v) ? v.Single() : body);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        var results = await Task.WhenAll(requests);
        await stop.CancelAsync();
        await swapper;

        Assert.All(results, r => Assert.True(r.IsSuccessStatusCode, r.Version));
        Assert.True(swaps >= 2, $"only {swaps} swaps happened during the predictions");
        Assert.Contains(results, r => r.Version == "v2");
    }
}
