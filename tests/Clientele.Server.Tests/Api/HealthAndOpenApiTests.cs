using Clientele.Server.Tests.Fixtures;

namespace Clientele.Server.Tests.Api;

public sealed class HealthAndOpenApiTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    [Fact]
    public async Task Health_reports_the_active_model_and_store()
    {
        var health = await (await factory.CreateClient().GetAsync("/health")).Json();
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal("v1", health.GetProperty("model_version").GetString());
        Assert.Equal("fast", health.GetProperty("model_tier").GetString());
        Assert.True(health.GetProperty("store_ok").GetBoolean());
    }

    [Fact]
    public async Task OpenApi_document_lists_every_endpoint()
    {
        var doc = await (await factory.CreateClient().GetAsync("/openapi/v1.json")).Json();
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/health", "/api/predict", "/api/train", "/api/jobs/{id}", "/api/models", "/api/models/{version}/activate",
                     "/api/clients", "/api/clients/{id}", "/api/runs", "/api/runs/{kind}", "/api/summary" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }

    [Fact]
    public async Task Dashboard_is_served_at_the_root()
    {
        var response = await factory.CreateClient().GetAsync("/");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Clientele", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await factory.CreateClient().GetAsync("/app.js")).IsSuccessStatusCode);
        Assert.True((await factory.CreateClient().GetAsync("/app.css")).IsSuccessStatusCode);
    }
}
