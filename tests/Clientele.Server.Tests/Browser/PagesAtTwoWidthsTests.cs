using System.Globalization;
using Microsoft.Playwright;

namespace Clientele.Server.Tests.Browser;

/// <summary>
/// Every page of the dashboard at a laptop's 1400 px and a phone's 390 px: its key elements visible and nothing wider
/// than the screen (no sideways scrolling). Screenshots go to docs/screenshots/ with CLIENTELE_UPDATE_SCREENSHOTS=1.
/// </summary>
public sealed class PagesAtTwoWidthsTests(DashboardServer server) : IClassFixture<DashboardServer>
{
    public static TheoryData<int> Widths => new() { 1400, 390 };

    [BrowserTheory]
    [MemberData(nameof(Widths))]
    public async Task Overview_fits_the_screen_with_its_kpis_and_charts(int width)
    {
        var page = await OpenAt(width);
        await Assertions.Expect(page.GetByTestId("kpi-clients")).ToBeVisibleAsync();
        await OverviewHistograms.AssertDrawnAsync(page, width);
        await Assertions.Expect(page.GetByTestId("segments-value")).ToBeVisibleAsync();
        await AssertFits(page, width);
        await Shot(page, "overview", width);
    }

    [BrowserTheory]
    [MemberData(nameof(Widths))]
    public async Task Clients_and_a_client_page_fit_the_screen(int width)
    {
        var page = await OpenAt(width);
        await page.GetByTestId("tab-clients").ClickAsync();
        await Assertions.Expect(page.GetByTestId("client-row")).ToHaveCountAsync(20);
        await AssertFits(page, width);
        await Shot(page, "clients", width);
        await page.GetByTestId("client-row").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("detail-title")).ToBeVisibleAsync();
        // Opening a client brings its page into view, also on a phone where it sits below the list.
        await Assertions.Expect(page.GetByTestId("detail-title")).ToBeInViewportAsync();
        await Assertions.Expect(page.GetByTestId("client-note").First).ToBeVisibleAsync();
        await AssertFits(page, width);
        await Shot(page, "client", width);
    }

    [BrowserTheory]
    [MemberData(nameof(Widths))]
    public async Task Models_page_draws_metrics_and_calibration_charts_with_axes_and_fits_the_screen(int width)
    {
        var page = await OpenAt(width);
        await page.GetByTestId("tab-models").ClickAsync();
        await Assertions.Expect(page.GetByTestId("model-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("metrics-plot")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("calibration-plot")).ToBeVisibleAsync();
        // uPlot draws on a canvas; its axis labels and legend are DOM text.
        Assert.Contains("AUC", await page.GetByTestId("chart-metrics").InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("observed rate against predicted probability", await page.GetByTestId("calibration-plot").GetAttributeAsync("aria-label"), StringComparison.Ordinal);
        Assert.StartsWith("AUC / R²", await page.GetByTestId("metrics-plot").GetAttributeAsync("aria-label"), StringComparison.Ordinal);
        Assert.Contains("Purchase observed", await page.GetByTestId("chart-calibration").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.GetByTestId("calibration-table").Locator("tbody tr").CountAsync() >= 1);
        Assert.Contains("%", await page.GetByTestId("calibration-table").Locator("tbody tr").First.InnerTextAsync(), StringComparison.Ordinal);
        var canvasWidth = await page.GetByTestId("chart-metrics").Locator("canvas").EvaluateAsync<double>("c => c.getBoundingClientRect().width");
        Assert.True(canvasWidth > 150 && canvasWidth <= width, $"the metrics chart is {canvasWidth} px wide at {width}");
        // Holdout charts only for a bundle trained with transactions; the test bundles are not.
        Assert.True(await page.GetByTestId("holdout-section").IsHiddenAsync());
        await AssertFits(page, width);
        await Shot(page, "models", width);
    }

    [BrowserTheory]
    [MemberData(nameof(Widths))]
    public async Task A_version_trained_with_transactions_shows_the_holdout_table_and_tracking_chart(int width)
    {
        var page = await OpenAt(width);
        // The fixture's bundles are trained on notes alone: the listing is given the holdout a transactions bundle's
        // report carries (ReportJson.Holdout, pinned by the CLI's BacktestTests), so the page's drawing of it is tested.
        await page.RouteAsync("**/api/models", async route =>
        {
            var response = await route.FetchAsync();
            var models = System.Text.Json.Nodes.JsonNode.Parse(await response.TextAsync())!.AsArray();
            foreach (var model in models)
            {
                model!["report"]!["holdout"] = System.Text.Json.Nodes.JsonNode.Parse(HoldoutJson);
            }

            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = models.ToJsonString() });
        });
        await page.GetByTestId("tab-models").ClickAsync();
        await Assertions.Expect(page.GetByTestId("holdout-section")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("holdout-row")).ToHaveCountAsync(3);
        Assert.Contains("2+", await page.GetByTestId("holdout-row").Nth(2).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("91 days", await page.GetByTestId("holdout-days").InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("holdout-plot")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("tracking-plot")).ToBeVisibleAsync();
        Assert.StartsWith("cumulative purchases against week", await page.GetByTestId("tracking-plot").GetAttributeAsync("aria-label"), StringComparison.Ordinal);
        await AssertFits(page, width);
        await Shot(page, "models-holdout", width);
    }

    private const string HoldoutJson = """
        {"days": 91, "bins": [
          {"frequency": 0, "and_more": false, "clients": 120, "actual": 0.21, "expected": 0.19},
          {"frequency": 1, "and_more": false, "clients": 60, "actual": 0.62, "expected": 0.55},
          {"frequency": 2, "and_more": true, "clients": 40, "actual": 1.45, "expected": 1.38}],
         "total_actual": 119.2, "total_expected": 110.0,
         "weekly": [{"week": 1, "actual": 9, "expected": 8.5}, {"week": 2, "actual": 20, "expected": 17.1}, {"week": 13, "actual": 119.2, "expected": 110.0}]}
        """;

    [BrowserTheory]
    [MemberData(nameof(Widths))]
    public async Task Score_a_file_page_fits_the_screen(int width)
    {
        var page = await OpenAt(width);
        await page.GetByTestId("tab-upload").ClickAsync();
        await Assertions.Expect(page.GetByTestId("upload-submit")).ToBeVisibleAsync();
        await AssertFits(page, width);
        await Shot(page, "upload", width);
    }

    [BrowserTheory]
    [MemberData(nameof(Widths))]
    public async Task Today_page_fits_the_screen_with_its_worklist(int width)
    {
        var page = await OpenAt(width);
        await page.GetByTestId("tab-today").ClickAsync();
        await Assertions.Expect(page.GetByTestId("today-summary")).ToContainTextAsync("to contact as of", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("worklist-row").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("log-contact").First).ToBeVisibleAsync();
        await AssertFits(page, width);
        await Shot(page, "today", width);
    }

    private async Task<IPage> OpenAt(int width)
    {
        var page = await server.OpenAsync();
        await page.SetViewportSizeAsync(width, width >= 1000 ? 900 : 844);
        return page;
    }

    /// <summary>Nothing on the page is wider than the viewport: the document does not scroll sideways.</summary>
    private static async Task AssertFits(IPage page, int width)
    {
        var scroll = await page.EvaluateAsync<double>("() => document.documentElement.scrollWidth");
        var widest = await page.EvaluateAsync<string>(
            "w => [...document.querySelectorAll('body *')].filter(e => e.offsetParent !== null && e.getBoundingClientRect().right > w + 1)" +
            ".map(e => (e.dataset.testid || e.className || e.tagName) + ':' + Math.round(e.getBoundingClientRect().right)).slice(0, 5).join(', ')", width);
        Assert.True(scroll <= width, string.Create(CultureInfo.InvariantCulture, $"the page is {scroll} px wide at {width}: {widest}"));
    }

    private static async Task Shot(IPage page, string name, int width)
    {
        // From the top: a full-page shot of a scrolled page draws sticky table headers where the scroll left them.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath(string.Create(CultureInfo.InvariantCulture, $"{name}-{width}.png")), FullPage = true });
    }

    /// <summary>docs/screenshots/ when CLIENTELE_UPDATE_SCREENSHOTS=1 (a normal run never dirties the work tree), the temp directory otherwise.</summary>
    private static string ScreenshotPath(string name)
    {
        if (Environment.GetEnvironmentVariable("CLIENTELE_UPDATE_SCREENSHOTS") != "1")
        {
            return Path.Combine(Path.GetTempPath(), "clientele-" + name);
        }

        var dir = RepoPaths.Of("docs", "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }
}
