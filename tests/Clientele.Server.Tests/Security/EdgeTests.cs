using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Clientele.Server.Tests.Fixtures;

namespace Clientele.Server.Tests.Security;

/// <summary>Item 2: host filtering, security headers, TLS through Kestrel configuration.</summary>
public sealed class EdgeTests
{
    [Fact]
    public async Task A_Host_header_that_is_not_the_bound_address_localhost_or_a_configured_name_is_refused()
    {
        await using var host = await SecureHost.StartAsync(o => o.AllowedHosts = ["clientele.maison.example"]);
        foreach (var (name, expected) in new[] { ("evil.example", HttpStatusCode.BadRequest), ("localhost", HttpStatusCode.OK), ("clientele.maison.example", HttpStatusCode.OK) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/models");
            request.Headers.Host = name;
            Assert.Equal(expected, (await host.Client().SendAsync(request)).StatusCode);
        }
    }

    [Fact]
    public async Task Every_response_carries_a_CSP_without_inline_script_nosniff_no_referrer_and_API_answers_no_store()
    {
        await using var host = await SecureHost.StartAsync();
        using var client = host.Client();
        var page = await client.GetAsync("/");
        var csp = string.Join(' ', page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)", html);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);

        var clients = await client.GetAsync("/api/clients");
        Assert.True(clients.Headers.CacheControl?.NoStore, "no-store on personal data");
    }

    [Fact]
    public async Task Tls_configured_through_Kestrel_serves_with_a_throwaway_certificate_and_marks_the_cookie_Secure()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        var pfx = Path.Combine(Path.GetTempPath(), $"clientele-tls-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test-password"));
        try
        {
            await using var host = await SecureHost.StartAsync(args:
            [
                "--Kestrel:Endpoints:Https:Url=https://127.0.0.1:0",
                "--Kestrel:Endpoints:Https:Certificate:Path=" + pfx,
                "--Kestrel:Endpoints:Https:Certificate:Password=test-password",
            ]);
            var address = host.App.Urls.Single(u => u.StartsWith("https://", StringComparison.Ordinal));
            using var handler = new HttpClientHandler
            {
                // Trust exactly the throwaway certificate, nothing else.
                ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
            };
            using var client = new HttpClient(handler) { BaseAddress = new Uri(address) };
            var signIn = await client.PostAsJsonAsync("/api/session", new { key = ServerFactory.Key });
            await signIn.Json();
            var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("clientele.session=", StringComparison.Ordinal));
            Assert.Contains("secure", SessionTests.CookieAttributes(cookie));
        }
        finally
        {
            File.Delete(pfx);
        }
    }
}
