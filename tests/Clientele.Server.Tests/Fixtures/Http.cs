using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Clientele.Server.Tests.Fixtures;

/// <summary>Request and response helpers shared by the API tests.</summary>
public static class Http
{
    public static MultipartFormDataContent File(string csv, string field = "file", string fileName = "notes.csv") =>
        File(Encoding.UTF8.GetBytes(csv), field, fileName);

    public static MultipartFormDataContent File(byte[] bytes, string field = "file", string fileName = "notes.csv")
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(part, field, fileName);
        return form;
    }

    /// <summary>Adds one more CSV file part to a form.</summary>
    public static MultipartFormDataContent AddFile(this MultipartFormDataContent form, string csv, string field, string fileName)
    {
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(part, field, fileName);
        return form;
    }

    public static StringContent CsvBody(string csv) => new(csv, Encoding.UTF8, "text/csv");

    public static async Task<JsonElement> Json(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts a problem document with the status and returns its detail.</summary>
    public static async Task<string> Problem(this HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal); // never a stack trace
        var doc = JsonDocument.Parse(text).RootElement;
        Assert.Equal(status, doc.GetProperty("status").GetInt32());
        return doc.TryGetProperty("detail", out var d) ? d.GetString() ?? string.Empty : string.Empty;
    }

    /// <summary>Polls a job until it finishes (or the timeout passes) and returns its last state.</summary>
    public static async Task<JsonElement> WaitForJob(HttpClient client, string id, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(3));
        while (true)
        {
            var job = await (await client.GetAsync($"/api/jobs/{id}")).Json();
            var status = job.GetProperty("status").GetString();
            if (status is "succeeded" or "failed" || DateTime.UtcNow > until)
            {
                return job;
            }

            await Task.Delay(200);
        }
    }

    public static Task<HttpResponseMessage> PostEmpty(this HttpClient client, string url) => client.PostAsync(url, JsonContent.Create(new { }));
}
