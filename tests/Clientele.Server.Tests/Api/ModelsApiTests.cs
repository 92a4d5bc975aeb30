using System.Net;
using Clientele.Server.Tests.Fixtures;
using Clientele.Workflows.Versions;

namespace Clientele.Server.Tests.Api;

public sealed class ModelsApiTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    [Fact]
    public async Task Lists_the_startup_version_as_active_with_metrics()
    {
        var models = await (await factory.CreateClient().GetAsync("/api/models")).Json();
        var v1 = models.EnumerateArray().Single(m => m.GetProperty("version").GetString() == "v1");
        Assert.True(v1.GetProperty("active").GetBoolean());
        Assert.Equal("fast", v1.GetProperty("tier").GetString());
        var report = v1.GetProperty("report");
        Assert.InRange(report.GetProperty("metrics").GetProperty("purchased").GetProperty("auc").GetDouble(), 0, 1);
        Assert.InRange(report.GetProperty("baseline").GetProperty("purchased").GetProperty("accuracy").GetDouble(), 0, 1);
    }

    [Fact]
    public async Task Activating_another_version_switches_health()
    {
        factory.AddVersion("v2-switch");
        var client = factory.CreateAuthorizedClient();
        await (await client.PostAsync("/api/models/v2-switch/activate", null)).Json();
        Assert.Equal("v2-switch", (await (await client.GetAsync("/health")).Json()).GetProperty("model_version").GetString());
        await (await client.PostAsync("/api/models/v1/activate", null)).Json();
        Assert.Equal("v1", (await (await client.GetAsync("/health")).Json()).GetProperty("model_version").GetString());
    }

    [Fact]
    public async Task Rolling_back_to_the_version_just_replaced_swaps_it_in_without_reading_its_bundle_again()
    {
        factory.AddVersion("rollback-a");
        factory.AddVersion("rollback-b");
        var client = factory.CreateAuthorizedClient();
        await (await client.PostAsync("/api/models/rollback-a/activate", null)).Json();
        await (await client.PostAsync("/api/models/rollback-b/activate", null)).Json();
        Directory.Delete(Path.Combine(factory.ModelsRoot, "rollback-a"), recursive: true);

        await (await client.PostAsync("/api/models/rollback-a/activate", null)).Json();
        Assert.Equal("rollback-a", (await (await client.GetAsync("/health")).Json()).GetProperty("model_version").GetString());
        var scored = await client.PostAsync("/api/predict", Http.File(NoteGenerator.Csv(3, seed: 4, idPrefix: "R")));
        Assert.Equal("rollback-a", scored.Headers.GetValues("X-Model-Version").Single());

        // Two activations back is a load: its bundle is read again, and a missing one is an error, not a stale model.
        Directory.Delete(Path.Combine(factory.ModelsRoot, "rollback-b"), recursive: true);
        await (await client.PostAsync("/api/models/v1/activate", null)).Json();
        await (await client.PostAsync("/api/models/rollback-a/activate", null)).Json();
        Assert.False((await client.PostAsync("/api/models/rollback-b/activate", null)).IsSuccessStatusCode);
        await (await client.PostAsync("/api/models/v1/activate", null)).Json();
    }

    [Fact]
    public async Task Unknown_version_is_404()
    {
        await (await factory.CreateAuthorizedClient().PostAsync("/api/models/nope/activate", null)).Problem(404);
    }

    [Theory]
    [InlineData("..%2F..%2Fetc")]
    [InlineData("%2E%2E")]
    [InlineData("a%5Cb")]
    [InlineData("x%20y")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Path_traversal_and_bad_names_are_refused(string version)
    {
        var response = await factory.CreateAuthorizedClient().PostAsync($"/api/models/{version}/activate", null);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{version}: {response.StatusCode}");
        Assert.Equal("v1", (await (await factory.CreateClient().GetAsync("/health")).Json()).GetProperty("model_version").GetString());
    }

    [Theory]
    [InlineData("v1", true)]
    [InlineData("20260101-020000-elite-abc123", true)]
    [InlineData("..", false)]
    [InlineData(".", false)]
    [InlineData("../x", false)]
    [InlineData("a/b", false)]
    [InlineData("a\\b", false)]
    [InlineData("", false)]
    [InlineData("é", false)]
    public void Version_names_are_validated(string name, bool valid)
    {
        Assert.Equal(valid, VersionName.IsValid(name));
        if (valid)
        {
            Assert.Equal(Path.Combine(Path.GetFullPath("/tmp/root"), name), VersionName.DirectoryOf("/tmp/root", name));
        }
        else
        {
            Assert.Throws<ArgumentException>(() => VersionName.DirectoryOf("/tmp/root", name));
        }
    }
}
