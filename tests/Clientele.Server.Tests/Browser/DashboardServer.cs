using Clientele.Server.Models;
using Clientele.Server.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Clientele.Server.Tests.Browser;

/// <summary>
/// The real server on Kestrel (http://127.0.0.1:0, as a user runs it) with 40 stored clients, and one
/// headless system Chromium driven by Playwright; shared by the dashboard tests of a class.
/// </summary>
public sealed class DashboardServer : IAsyncLifetime
{
    public const int Clients = 40;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "clientele-browser-tests", Guid.NewGuid().ToString("N")[..10]);
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    public string ModelsRoot => Path.Combine(_root, "models");

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

        TestModel.CopyTo(ModelsRoot, "v1");
        TestModel.CopyTo(ModelsRoot, "v2");
        _app = ClienteleServer.Create([], o =>
        {
            o.Urls = "http://127.0.0.1:0";
            o.ApiKey = ServerFactory.Key;
            o.ModelsRoot = ModelsRoot;
            o.ModelDirectory = Path.Combine(ModelsRoot, "v1");
            o.Schedules = new ScheduleOptions { NightlyScoring = string.Empty, WeeklyRetrain = string.Empty };
            o.ConnectionString = "Data Source=" + Path.Combine(_root, "clientele.db");
        });
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');
        _app.Services.GetRequiredService<ModelRegistry>().Register("v2", Path.Combine(ModelsRoot, "v2"), Storage.Files.DirectoryBundleStore.Load(Path.Combine(ModelsRoot, "v2")));

        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ServerFactory.Key);
        var response = await http.PostAsync("/api/predict?store=true", Http.File(NoteGenerator.Csv(Clients, seed: 41, idPrefix: "B")));
        await response.Json();

        (_playwright, Browser) = await HeadlessChromium.LaunchAsync();
    }

    /// <summary>A fresh page at laptop size with the dashboard loaded.</summary>
    public Task<IPage> OpenAsync() => HeadlessChromium.SignedInAsync(Browser, BaseUrl);

    public Task DisposeAsync() => HeadlessChromium.CloseAsync(Browser, _playwright, _app, _root);
}
