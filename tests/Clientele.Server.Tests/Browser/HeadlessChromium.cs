using Clientele.Server.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Clientele.Server.Tests.Browser;

/// <summary>Debian's Chromium under Playwright, started the one way every browser fixture starts it, and a signed-in dashboard page.</summary>
public static class HeadlessChromium
{
    /// <summary>Playwright and a headless Chromium without sandbox, GPU or background traffic (CI containers have none of them).</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }

    /// <summary>A fresh page at laptop size with the dashboard loaded: every read needs a credential, so it signs in with the test key first.</summary>
    public static async Task<IPage> SignedInAsync(IBrowser browser, string baseUrl)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        await page.GotoAsync(baseUrl + "/");
        await page.GetByTestId("key-input").FillAsync(ServerFactory.Key);
        await page.GetByTestId("key-ok").ClickAsync();
        await page.WaitForSelectorAsync("body[data-loaded=true]");
        return page;
    }

    /// <summary>Closes what a browser fixture started, in reverse order, and removes its temporary directory (best effort).</summary>
    public static async Task CloseAsync(IBrowser? browser, IPlaywright? playwright, WebApplication? app, string root)
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // Harmless leftover in the temp directory.
        }
    }
}
