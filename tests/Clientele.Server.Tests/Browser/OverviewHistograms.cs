using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Clientele.Server.Tests.Browser;

/// <summary>
/// The overview's three score histograms as uPlot charts (charts.js): a canvas with painted bars, axes whose labels and
/// units are in the chart's accessible name (uPlot paints axis text on the canvas), and a legend. Shared by the
/// overview tests at the laptop and phone widths.
/// </summary>
internal static partial class OverviewHistograms
{
    private const string Pct = "\u202f%";

    /// <summary>Each histogram's container, the x axis label it must carry, and how its first bin must read (its units).</summary>
    public static readonly (string TestId, string XLabel, Regex FirstBin)[] All =
    [
        ("hist-purchase", "purchase likelihood", new Regex($"^0{Pct}–10{Pct}$")),
        ("hist-churn", "churn risk", new Regex($"^0{Pct}–10{Pct}$")),
        ("hist-clv", "lifetime value (amount)", new Regex(@"^0–\d+(\.\d)?k$")), // the fixture's CLVs reach thousands
    ];

    /// <summary>
    /// Counts the separate runs of bar colour (charts.js's first colour, #8a6d3b) along the canvas row just above the
    /// x axis, over the plot area (uPlot's .u-over): one run per non-empty bin when the bars are painted.
    /// </summary>
    private const string PaintedBarsJs = """
        root => {
          const canvas = root.querySelector('canvas'), over = root.querySelector('.u-over');
          const c = canvas.getBoundingClientRect(), o = over.getBoundingClientRect(), ratio = canvas.width / c.width;
          const y = Math.round((o.bottom - c.top - 1.5) * ratio);
          const x0 = Math.round((o.left - c.left) * ratio), x1 = Math.round((o.right - c.left) * ratio);
          const d = canvas.getContext('2d').getImageData(x0, y, x1 - x0, 1).data;
          let runs = 0, inBar = false;
          for (let i = 0; i < d.length; i += 4) {
            const bar = d[i + 3] > 120 && Math.abs(d[i] - 0x8a) < 40 && Math.abs(d[i + 1] - 0x6d) < 40 && Math.abs(d[i + 2] - 0x3b) < 40;
            if (bar && !inBar) runs++;
            inBar = bar;
          }
          return runs;
        }
        """;

    [GeneratedRegex(@"([^:,;]+)–([^:,;]+): (\d+)")]
    private static partial Regex Bin();

    /// <summary>The bins a histogram's accessible name lists ("0 %–10 %: 3, …"): label and count of each.</summary>
    public static async Task<(string Label, int Count)[]> BinsAsync(IPage page, string testId)
    {
        var name = await page.GetByTestId(testId + "-plot").GetAttributeAsync("aria-label") ?? "";
        return [.. Bin().Matches(name).Select(m => ($"{m.Groups[1].Value.Trim()}–{m.Groups[2].Value}", int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture)))];
    }

    /// <summary>Every histogram is a uPlot chart no wider than the screen, with its axis labels, 10 bins holding every client, and one painted bar per non-empty bin.</summary>
    public static async Task AssertDrawnAsync(IPage page, int viewportWidth)
    {
        foreach (var (testId, xLabel, firstBin) in All)
        {
            var container = page.GetByTestId(testId);
            var plot = page.GetByTestId(testId + "-plot");
            await Assertions.Expect(plot).ToBeVisibleAsync();
            // A chart follows its container when the window changes size (charts.js, after 100 ms): wait for that first.
            await page.WaitForFunctionAsync(
                "([id, w]) => { const c = document.querySelector(`[data-testid=\"${id}\"] canvas`); return !!c && c.getBoundingClientRect().width <= w; }",
                new object[] { testId, viewportWidth });
            Assert.Equal(1, await container.Locator(".uplot canvas").CountAsync());
            Assert.StartsWith($"clients against {xLabel}: clients;", await plot.GetAttributeAsync("aria-label"), StringComparison.Ordinal);

            var bins = await BinsAsync(page, testId);
            Assert.Equal(10, bins.Length);
            Assert.Equal(DashboardServer.Clients, bins.Sum(b => b.Count));
            Assert.Matches(firstBin, bins[0].Label);

            var legend = await container.Locator(".u-legend").InnerTextAsync();
            Assert.Contains("clients", legend, StringComparison.Ordinal);
            Assert.Contains(xLabel, legend, StringComparison.Ordinal);

            var canvasWidth = await container.Locator("canvas").EvaluateAsync<double>("c => c.getBoundingClientRect().width");
            Assert.True(canvasWidth > 150 && canvasWidth <= viewportWidth, $"{testId} is {canvasWidth} px wide at {viewportWidth}");
            var painted = await plot.EvaluateAsync<int>(PaintedBarsJs);
            Assert.True(bins.Count(b => b.Count > 0) == painted, $"{testId}: {painted} bars painted for {bins.Count(b => b.Count > 0)} non-empty bins");
        }
    }

    /// <summary>Pointing at a histogram's tallest bar shows that bin and its count in the legend (what the hand-made SVG's bar titles said).</summary>
    public static async Task AssertHoverShowsTheBinAsync(IPage page, string testId)
    {
        var bins = await BinsAsync(page, testId);
        var tallest = Array.IndexOf([.. bins.Select(b => b.Count)], bins.Max(b => b.Count));
        var over = await page.GetByTestId(testId).Locator(".u-over").BoundingBoxAsync();
        Assert.NotNull(over);
        await page.Mouse.MoveAsync(over.X + (float)((tallest + 0.5) / bins.Length * over.Width), over.Y + (over.Height * 0.9f));
        var values = page.GetByTestId(testId).Locator(".u-legend .u-value");
        await Assertions.Expect(values.Nth(0)).ToHaveTextAsync(bins[tallest].Label);
        await Assertions.Expect(values.Nth(1)).ToHaveTextAsync(bins[tallest].Count.ToString(CultureInfo.InvariantCulture));
    }
}
