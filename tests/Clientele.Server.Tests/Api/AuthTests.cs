using Clientele.Server.Tests.Fixtures;

namespace Clientele.Server.Tests.Api;

public sealed class AuthTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    public static TheoryData<string> Writes => ["/api/train", "/api/models/v1/activate", "/api/runs/nightly-score", "/api/predict?store=true"];

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_without_key_is_401(string url)
    {
        var detail = await (await factory.CreateClient().PostAsync(url, Http.File(TestModel.NotesCsv))).Problem(401);
        Assert.Contains("X-Api-Key", detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_with_wrong_key_is_401(string url)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ServerFactory.Key + "x");
        var detail = await (await client.PostAsync(url, Http.File(TestModel.NotesCsv))).Problem(401);
        Assert.DoesNotContain(ServerFactory.Key, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activate_with_key_is_200()
    {
        var response = await factory.CreateAuthorizedClient().PostAsync("/api/models/v1/activate", null);
        Assert.True((await response.Json()).GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Reads_need_no_key()
    {
        foreach (var url in new[] { "/health", "/api/models", "/api/clients", "/api/runs", "/api/summary", "/openapi/v1.json" })
        {
            var response = await factory.CreateClient().GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, url + " " + response.StatusCode);
        }
    }
}

public sealed class NoKeyConfiguredTests(NoKeyServerFactory factory) : IClassFixture<NoKeyServerFactory>
{
    [Fact]
    public async Task Writes_are_refused_with_how_to_set_a_key()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "anything");
        var detail = await (await client.PostAsync("/api/models/v1/activate", null)).Problem(403);
        Assert.Contains("CLIENTELE_API_KEY", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_still_work()
    {
        var health = await (await factory.CreateClient().GetAsync("/health")).Json();
        Assert.Equal("v1", health.GetProperty("model_version").GetString());
    }
}
