using Clientele.Server.Tests.Fixtures;

namespace Clientele.Server.Tests.Api;

public sealed class EmptyStoreTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    [Fact]
    public async Task Training_on_an_empty_store_is_a_400()
    {
        var detail = await (await factory.CreateAuthorizedClient().PostAsync("/api/train", new MultipartFormDataContent { { new StringContent("fast"), "tier" } })).Problem(400);
        Assert.Contains("no notes", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_of_an_empty_store_has_zero_clients()
    {
        var summary = await (await factory.CreateClient().GetAsync("/api/summary")).Json();
        Assert.Equal(0, summary.GetProperty("clients").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, summary.GetProperty("average_purchase").ValueKind);
    }

    [Fact]
    public async Task Unknown_client_is_404()
    {
        await (await factory.CreateClient().GetAsync("/api/clients/NOPE")).Problem(404);
    }

    [Fact]
    public async Task Bad_page_is_400()
    {
        await (await factory.CreateClient().GetAsync("/api/clients?page=0")).Problem(400);
        await (await factory.CreateClient().GetAsync("/api/clients?page_size=1000")).Problem(400);
    }
}
