using System.Text.Json.Nodes;
using Clientele.Server.Tests.Fixtures;
using Clientele.Storage.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Clientele.Server.Tests.Browser;

/// <summary>
/// The real server with the test model active (v1, trained without sensitive data), a copy recorded as trained with it
/// (v-sens), and stored clients, one of whom has a nut allergy in its notes; one headless Chromium.
/// </summary>
public sealed class ServiceNotesServer : IAsyncLifetime
{
    public const string AllergicClient = "S_NUTS";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "clientele-browser-tests", Guid.NewGuid().ToString("N")[..10]);
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFactAttribute.ChromiumPath))
        {
            if (BrowserFactAttribute.IsCi)
            {
                throw new InvalidOperationException($"{BrowserFactAttribute.ChromiumPath} is missing on CI: install it with 'apt-get install -y chromium'");
            }

            return; // the tests are skipped
        }

        var models = Path.Combine(_root, "models");
        TestModel.CopyTo(models, "v1");
        var sensitive = TestModel.CopyTo(models, "v-sens");
        var metadata = Path.Combine(sensitive, "metadata.json");
        var json = JsonNode.Parse(await File.ReadAllTextAsync(metadata))!;
        json["includes_sensitive"] = true;
        await File.WriteAllTextAsync(metadata, json.ToJsonString());
        _app = ClienteleServer.Create([], o =>
        {
            o.Urls = "http://127.0.0.1:0";
            o.ApiKey = ServerFactory.Key;
            o.ModelsRoot = models;
            o.ModelDirectory = Path.Combine(models, "v1");
            o.Schedules = new ScheduleOptions { NightlyScoring = string.Empty, WeeklyRetrain = string.Empty, Retention = string.Empty };
            o.ConnectionString = "Data Source=" + Path.Combine(_root, "clientele.db");
        });
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');
        _app.Services.GetRequiredService<IClienteleStore>().SaveModelVersion(
            new ModelVersionRecord("v-sens", "fast", sensitive, DateTimeOffset.UtcNow.AddDays(-1), "{}", Active: false));

        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ServerFactory.Key);
        var csv = NoteGenerator.Csv(5, seed: 43, idPrefix: "S") + $"{AllergicClient},2025-02-03,45,EN,60,\"Severe nut allergy, no almonds in the chocolates; loves black leather handbags\"\n";
        await (await http.PostAsync("/api/predict?store=true", Http.File(csv))).Json();

        (_playwright, Browser) = await HeadlessChromium.LaunchAsync();
    }

    /// <summary>A fresh, signed-in page with the dashboard loaded.</summary>
    public Task<IPage> OpenAsync() => HeadlessChromium.SignedInAsync(Browser, BaseUrl);

    public Task DisposeAsync() => HeadlessChromium.CloseAsync(Browser, _playwright, _app, _root);
}

public sealed class ServiceNotesTests(ServiceNotesServer server) : IClassFixture<ServiceNotesServer>
{
    [BrowserFact]
    public async Task The_client_page_shows_a_nut_allergy_as_a_service_note_and_never_as_a_model_reason()
    {
        var page = await server.OpenAsync();
        await page.GetByTestId("tab-clients").ClickAsync();
        await page.GetByTestId("client-search").FillAsync(ServiceNotesServer.AllergicClient);
        await page.GetByTestId("client-search").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("client-row")).ToHaveCountAsync(1);
        await page.GetByTestId("client-row").ClickAsync();

        await Assertions.Expect(page.GetByTestId("service-note")).ToHaveTextAsync(["nut allergy"]);
        Assert.Equal("health", await page.GetByTestId("service-note").GetAttributeAsync("title"));
        var reasons = await page.Locator("[data-testid=client-detail] .reasons").InnerTextAsync();
        Assert.False(string.IsNullOrWhiteSpace(reasons));
        Assert.DoesNotContain("allerg", reasons, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("allerg", await page.GetByTestId("client-row").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [BrowserFact]
    public async Task The_models_page_marks_the_version_trained_with_sensitive_data_and_only_it()
    {
        var page = await server.OpenAsync();
        await page.GetByTestId("tab-models").ClickAsync();
        await Assertions.Expect(page.GetByTestId("model-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("tr[data-version='v-sens'] [data-testid=model-sensitive]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("tr[data-version='v1'] [data-testid=model-sensitive]")).ToHaveCountAsync(0);
    }
}
