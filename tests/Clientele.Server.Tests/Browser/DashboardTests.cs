using Clientele.Server.Tests.Fixtures;
using Microsoft.Playwright;

namespace Clientele.Server.Tests.Browser;

public sealed class DashboardTests(DashboardServer server) : IClassFixture<DashboardServer>
{
    [BrowserFact]
    public async Task Overview_shows_kpis_charts_and_segments()
    {
        var page = await server.OpenAsync();
        Assert.Equal(DashboardServer.Clients.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.GetByTestId("kpi-clients").InnerTextAsync());
        Assert.EndsWith("%", await page.GetByTestId("kpi-purchase").InnerTextAsync(), StringComparison.Ordinal);
        Assert.EndsWith("%", await page.GetByTestId("kpi-churn").InnerTextAsync(), StringComparison.Ordinal);
        Assert.NotEqual("—", await page.GetByTestId("kpi-clv").InnerTextAsync());
        // The three score histograms are uPlot charts (charts.js): bars painted, axes labelled, every client in a bin.
        await OverviewHistograms.AssertDrawnAsync(page, 1366);
        await OverviewHistograms.AssertHoverShowsTheBinAsync(page, "hist-churn");
        await page.Mouse.MoveAsync(0, 0);

        Assert.Contains("v1", await page.GetByTestId("active-version").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.GetByTestId("top-concepts").Locator("li").CountAsync() > 0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("dashboard.png") });
    }

    [BrowserFact]
    public async Task Uploading_a_csv_shows_its_scores()
    {
        var page = await server.OpenAsync();
        var file = Path.Combine(Path.GetTempPath(), $"upload-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, NoteGenerator.Csv(7, seed: 99, idPrefix: "U"));
        await page.GetByTestId("tab-upload").ClickAsync();
        await page.GetByTestId("upload-file").SetInputFilesAsync(file);
        await page.GetByTestId("upload-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("upload-row")).ToHaveCountAsync(7);
        Assert.Contains("U_0001", await page.GetByTestId("upload-results").InnerTextAsync(), StringComparison.Ordinal);
        File.Delete(file);
    }

    [BrowserFact]
    public async Task Searching_and_opening_a_client_shows_its_notes()
    {
        var page = await server.OpenAsync();
        await page.GetByTestId("tab-clients").ClickAsync();
        await Assertions.Expect(page.GetByTestId("client-row")).ToHaveCountAsync(20); // first page
        await page.GetByTestId("client-search").FillAsync("B_0003");
        await page.GetByTestId("client-search").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("client-row")).ToHaveCountAsync(1);
        await page.GetByTestId("client-row").ClickAsync();
        await Assertions.Expect(page.GetByTestId("detail-title")).ToContainTextAsync("B_0003");
        Assert.True(await page.GetByTestId("client-note").CountAsync() >= 1);
        Assert.False(string.IsNullOrWhiteSpace(await page.GetByTestId("client-note").First.InnerTextAsync()));
    }

    [BrowserFact]
    public async Task Activating_another_version_after_signing_in_switches_without_asking_again()
    {
        var page = await server.OpenAsync();
        await page.GetByTestId("tab-models").ClickAsync();
        await page.GetByTestId("activate-v2").ClickAsync();
        await Assertions.Expect(page.GetByTestId("active-version")).ToContainTextAsync("v2");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("dashboard-models.png") });

        // The session cookie and its antiforgery token carry the write: switching back asks nothing.
        await page.GetByTestId("activate-v1").ClickAsync();
        await Assertions.Expect(page.GetByTestId("active-version")).ToContainTextAsync("v1");
    }

    /// <summary>
    /// Where a screenshot goes: the repository's docs/ when CLIENTELE_UPDATE_SCREENSHOTS=1 (so a normal
    /// run never dirties the work tree), the temp directory otherwise.
    /// </summary>
    private static string ScreenshotPath(string name)
    {
        if (Environment.GetEnvironmentVariable("CLIENTELE_UPDATE_SCREENSHOTS") != "1")
        {
            return Path.Combine(Path.GetTempPath(), "clientele-" + name);
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
        {
            dir = dir.Parent;
        }

        var docs = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "docs");
        Directory.CreateDirectory(docs);
        return Path.Combine(docs, name);
    }
}
