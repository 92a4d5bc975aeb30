using Clientele.Server.Tests.Fixtures;

namespace Clientele.Server.Tests.Api;

public sealed class AuthTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    public static TheoryData<string> Writes => ["/api/train", "/api/models/v1/activate", "/api/runs/nightly-score", "/api/predict?store=true"];

    public static TheoryData<string> Reads => ["/api/models", "/api/clients", "/api/clients/X", "/api/runs", "/api/summary", "/api/jobs/x", "/api/audit", "/openapi/v1.json"];

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_without_key_is_401(string url)
    {
        var detail = await (await factory.CreateAnonymousClient().PostAsync(url, Http.File(TestModel.NotesCsv))).Problem(401);
        Assert.Contains("X-Api-Key", detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_with_wrong_key_is_401(string url)
    {
        var client = factory.CreateAnonymousClient();
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

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Every_read_without_a_key_is_401(string url)
    {
        await (await factory.CreateAnonymousClient().GetAsync(url)).Problem(401);
    }

    [Fact]
    public async Task Health_needs_no_key()
    {
        var response = await factory.CreateAnonymousClient().GetAsync("/health");
        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
    }
}

public sealed class NoKeyConfiguredTests(NoKeyServerFactory factory) : IClassFixture<NoKeyServerFactory>
{
    [Fact]
    public async Task Without_any_key_a_request_is_refused_with_how_to_make_one()
    {
        var detail = await (await factory.CreateClient().PostAsync("/api/models/v1/activate", null)).Problem(401);
        Assert.Contains("CLIENTELE_API_KEY", detail, StringComparison.Ordinal);
        Assert.Contains("clientele keys create", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_still_answers()
    {
        var health = await (await factory.CreateClient().GetAsync("/health")).Json();
        Assert.Equal("v1", health.GetProperty("model_version").GetString());
    }
}
