using Clientele.Server.Tests.Fixtures;
using Microsoft.Playwright;

namespace Clientele.Server.Tests.Browser;

/// <summary>The client page's purchases panel (issue 12 item 6) in a real headless Chromium.</summary>
public sealed class PurchasesPanelTests(DashboardServer server) : IClassFixture<DashboardServer>
{
    [BrowserFact]
    public async Task A_client_with_transactions_shows_the_timeline_and_figures_and_one_without_says_no_purchases_on_record()
    {
        using (var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) })
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", ServerFactory.Key);
            // Dated well before today (the page's as-of): 2020 is before any run of this test.
            var csv = "client_id,date,amount,order_id\nB_0003,2020-01-10,1200,W-1\nB_0003,2020-03-02,450,W-2\nB_0003,2020-03-20,-100,W-3\n";
            await (await http.PostAsync("/api/transactions", Http.CsvBody(csv))).Json();
        }

        var page = await server.OpenAsync();
        await Open(page, "B_0003");
        var panel = page.GetByTestId("purchases-panel");
        await Assertions.Expect(panel).ToBeVisibleAsync();
        // The timeline is a uPlot chart (canvas): its accessible name lists every transaction, the return below zero.
        var timeline = panel.GetByTestId("purchase-timeline");
        await Assertions.Expect(timeline).ToBeVisibleAsync();
        await Assertions.Expect(timeline).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("amount against date: purchase, return; 3 transactions up to .*2020-01-10: 1,200, 2020-03-02: 450, 2020-03-20: -100"));
        await Assertions.Expect(panel.GetByTestId("total-spend")).ToHaveTextAsync("1,550");
        await Assertions.Expect(panel.GetByTestId("order-count")).ToHaveTextAsync("2");
        // The test model was trained on notes alone: the panel says why there are no BG/NBD figures.
        await Assertions.Expect(panel.GetByTestId("btyd-reason")).ToContainTextAsync("without purchase history");

        await Open(page, "B_0004");
        await Assertions.Expect(page.GetByTestId("no-purchases")).ToContainTextAsync("No purchases on record");
        await Assertions.Expect(page.GetByTestId("purchase-timeline")).ToHaveCountAsync(0);
    }

    private static async Task Open(IPage page, string id)
    {
        await page.GetByTestId("tab-clients").ClickAsync();
        await page.GetByTestId("client-search").FillAsync(id);
        await page.GetByTestId("client-search").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("client-row")).ToHaveCountAsync(1);
        // The list may still show the previous search's one row: wait for this client's.
        await Assertions.Expect(page.GetByTestId("client-row")).ToContainTextAsync(id);
        await page.GetByTestId("client-row").ClickAsync();
        await Assertions.Expect(page.GetByTestId("detail-title")).ToContainTextAsync(id);
    }
}
