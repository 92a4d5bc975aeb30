using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Clientele.Server.Tests.Fixtures;

namespace Clientele.Server.Tests.Security;

/// <summary>Issue 15 item 12: malformed multipart bodies are the client's mistake (400), never a 500 or a 413.</summary>
public sealed class MultipartTests
{
    [Fact]
    public async Task A_40_MB_form_field_is_a_400_naming_the_limit()
    {
        await using var host = await SecureHost.StartAsync();
        using var form = new MultipartFormDataContent { { new StringContent(new string('x', 40 * 1024 * 1024)), "tier" } };
        var detail = await (await host.Client().PostAsync("/api/train", form)).Problem(400);
        Assert.Contains("form field is larger than", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Multipart_without_a_closing_boundary_is_a_400()
    {
        await using var host = await SecureHost.StartAsync();
        var body = "--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"n.csv\"\r\nContent-Type: text/csv\r\n\r\nclient_id,date,note\nA,2025-01-01,silk\n";
        var detail = await (await host.Client().PostAsync("/api/predict", Raw(body, "multipart/form-data; boundary=b1"))).Problem(400);
        Assert.Contains("multipart", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Multipart_without_a_boundary_is_a_400_not_a_413()
    {
        await using var host = await SecureHost.StartAsync();
        var detail = await (await host.Client().PostAsync("/api/predict", Raw("--x\r\n\r\n", "multipart/form-data"))).Problem(400);
        Assert.Contains("boundary", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_upload_limit_is_still_a_413()
    {
        await using var host = await SecureHost.StartAsync(o => o.MaxUploadBytes = 64 * 1024);
        using var form = Http.File(new string('y', 200 * 1024));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await host.Client().PostAsync("/api/predict", form)).StatusCode);
    }

    private static ByteArrayContent Raw(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}
