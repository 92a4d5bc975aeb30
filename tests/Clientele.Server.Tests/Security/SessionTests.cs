using System.Net;
using System.Net.Http.Json;
using Clientele.Server.Tests.Fixtures;

namespace Clientele.Server.Tests.Security;

/// <summary>Item 1, dashboard: sign in with a key, then an HttpOnly SameSite=Strict cookie; cookie writes need the antiforgery token.</summary>
public sealed class SessionTests
{
    [Fact]
    public async Task Signing_in_sets_an_HttpOnly_SameSite_Strict_cookie_and_cookie_writes_need_the_antiforgery_token()
    {
        await using var host = await SecureHost.StartAsync();
        using var browser = host.Client(key: null, cookies: true);
        await (await browser.GetAsync("/api/summary")).Problem(401);
        await (await browser.PostAsJsonAsync("/api/session", new { key = "wrong-key-wrong-key-wrong" })).Problem(401);

        var signIn = await browser.PostAsJsonAsync("/api/session", new { key = ServerFactory.Key });
        var session = await signIn.Json();
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("clientele.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", CookieAttributes(cookie)); // plain HTTP
        Assert.Equal("admin", session.GetProperty("role").GetString());

        Assert.True((await browser.GetAsync("/api/summary")).IsSuccessStatusCode);
        await (await browser.PostAsync("/api/models/v1/activate", null)).Problem(400);

        var token = (await (await browser.GetAsync("/api/session")).Json()).GetProperty("csrf_token").GetString();
        using var write = new HttpRequestMessage(HttpMethod.Post, "/api/models/v1/activate");
        write.Headers.Add("X-CSRF-Token", token);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(write)).StatusCode);
    }

    /// <summary>The attributes of a Set-Cookie value, lower case, without the name=value pair.</summary>
    public static List<string> CookieAttributes(string setCookie) =>
        setCookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
}
