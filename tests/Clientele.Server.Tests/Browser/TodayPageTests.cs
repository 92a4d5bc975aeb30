using Microsoft.Playwright;

namespace Clientele.Server.Tests.Browser;

public sealed class TodayPageTests(DashboardServer server) : IClassFixture<DashboardServer>
{
    [BrowserFact]
    public async Task Today_shows_the_worklist_at_1400_and_390_pixels_and_logging_a_contact_takes_the_client_off()
    {
        var page = await server.OpenAsync();
        await page.SetViewportSizeAsync(1400, 900);
        await page.GetByTestId("tab-today").ClickAsync();
        var rows = page.GetByTestId("worklist-row");
        // The first list warms the occasion tables and the playbook up: slower than the 5 s default on a busy machine.
        await Assertions.Expect(page.GetByTestId("today-summary")).ToContainTextAsync("to contact as of", new() { Timeout = 60_000 });
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var count = await rows.CountAsync();
        Assert.True(count >= 2, $"{count} rows");
        Assert.Contains("likely to buy", await rows.First.Locator(".reason").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("to contact as of", await page.GetByTestId("today-summary").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("dashboard-today.png") });

        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(rows.First.Locator(".reason")).ToBeVisibleAsync();
        // At phone width every row stacks as a card: the worklist is no wider than the screen.
        var width = await page.GetByTestId("worklist-table").EvaluateAsync<double>("t => t.getBoundingClientRect().right");
        Assert.True(width <= 390, $"the worklist reaches {width} px at 390");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("dashboard-today-390.png"), FullPage = false });

        var first = await rows.First.GetAttributeAsync("data-client");
        await rows.First.GetByTestId("log-contact").ClickAsync();
        await Assertions.Expect(page.GetByTestId("message")).ToContainTextAsync($"Contact with {first} logged");
        await Assertions.Expect(page.Locator($"[data-testid=worklist-row][data-client=\"{first}\"]")).ToHaveCountAsync(0);
        await Assertions.Expect(rows).ToHaveCountAsync(count - 1);

        await page.GetByTestId("today-language").SelectOptionAsync("fr");
        await page.GetByTestId("today-refresh").ClickAsync();
        await Assertions.Expect(rows.First.Locator(".reason")).ToContainTextAsync("de chances d'achat");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("today-export").ClickAsync());
        Assert.Equal("worklist.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("client_id,advisor,action,channel,priority,due,reason,last_contact,days_since_purchase\n", csv, StringComparison.Ordinal);
        Assert.Equal(count, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    /// <summary>docs/ when CLIENTELE_UPDATE_SCREENSHOTS=1 (a normal run never dirties the work tree), the temp directory otherwise.</summary>
    private static string ScreenshotPath(string name) =>
        Environment.GetEnvironmentVariable("CLIENTELE_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(RepoPaths.Of("docs"), name)
            : Path.Combine(Path.GetTempPath(), "clientele-" + name);
}
