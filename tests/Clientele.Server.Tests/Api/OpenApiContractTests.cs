using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Clientele.Server.Tests.Fixtures;

namespace Clientele.Server.Tests.Api;

/// <summary>
/// The OpenAPI document says what the server does (issue 14, item 14): predict's JSON and CSV answers, train's
/// multipart fields, the X-Api-Key scheme on write routes; and every documented route, called with a request built
/// only from the document, answers with one of the statuses the document lists for it.
/// </summary>
public sealed class OpenApiContractTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    private async Task<JsonElement> Document() => await (await factory.CreateClient().GetAsync("/openapi/v1.json")).Json();

    [Fact]
    public async Task Predict_documents_json_and_csv_answers_its_body_and_query_fields()
    {
        var predict = (await Document()).GetProperty("paths").GetProperty("/api/predict").GetProperty("post");
        var ok = predict.GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(ok.TryGetProperty("application/json", out _));
        Assert.Equal("string", ok.GetProperty("text/csv").GetProperty("schema").GetProperty("type").GetString());
        var body = predict.GetProperty("requestBody").GetProperty("content");
        Assert.True(body.GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties").TryGetProperty("file", out _));
        Assert.True(body.TryGetProperty("text/csv", out _));
        var parameters = predict.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("store", parameters);
        Assert.Contains("max_bad_rows", parameters);
        Assert.Contains("merge_extra_fields", parameters);
    }

    [Fact]
    public async Task Train_documents_its_multipart_fields()
    {
        var train = (await Document()).GetProperty("paths").GetProperty("/api/train").GetProperty("post");
        var fields = train.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties");
        foreach (var field in new[] { "notes", "labels", "tier", "activate", "class_weights", "include_sensitive", "max_bad_rows", "merge_extra_fields" })
        {
            Assert.True(fields.TryGetProperty(field, out _), field);
        }

        Assert.Equal("binary", fields.GetProperty("notes").GetProperty("format").GetString());
    }

    [Fact]
    public async Task The_api_key_scheme_is_declared_and_required_on_every_write_route()
    {
        var doc = await Document();
        var scheme = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        foreach (var (path, method) in new[] { ("/api/train", "post"), ("/api/models/{version}/activate", "post") })
        {
            var security = doc.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("security");
            Assert.Contains(security.EnumerateArray(), r => r.TryGetProperty("ApiKey", out _));
            Assert.DoesNotContain(security.EnumerateArray(), r => !r.EnumerateObject().Any());
        }

        Assert.False(doc.GetProperty("paths").GetProperty("/api/summary").GetProperty("get").TryGetProperty("security", out _));
    }

    [Fact]
    public async Task Every_documented_route_called_from_the_document_answers_a_documented_status()
    {
        var doc = await Document();
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete"))
            {
                var op = operation.Value;
                var url = path.Name.Replace("{version}", "v1", StringComparison.Ordinal).Replace("{id}", "nobody", StringComparison.Ordinal).Replace("{kind}", "nightly-score", StringComparison.Ordinal);
                var request = new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), url);
                var secured = op.TryGetProperty("security", out var security) && security.EnumerateArray().Any(r => r.TryGetProperty("ApiKey", out _));
                if (secured)
                {
                    request.Headers.Add("X-Api-Key", ServerFactory.Key);
                }

                if (op.TryGetProperty("requestBody", out var body))
                {
                    request.Content = Body(body.GetProperty("content"));
                }
                else if (operation.Name == "post")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                var response = await factory.CreateClient().SendAsync(request);
                var documented = op.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
                Assert.True(documented.Contains(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    $"{operation.Name.ToUpperInvariant()} {path.Name} answered {(int)response.StatusCode}, documented [{string.Join(", ", documented)}]: {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    /// <summary>A body from the documented content types: a multipart form with a small notes CSV in every file field.</summary>
    private static HttpContent Body(JsonElement content)
    {
        var csv = NoteGenerator.Csv(60, seed: 9, idPrefix: "D");
        if (content.TryGetProperty("multipart/form-data", out var multipart))
        {
            var form = new MultipartFormDataContent();
            foreach (var field in multipart.GetProperty("schema").GetProperty("properties").EnumerateObject())
            {
                if (field.Value.TryGetProperty("format", out var f) && f.GetString() == "binary" && field.Name != "labels")
                {
                    var part = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
                    part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
                    form.Add(part, field.Name, field.Name + ".csv");
                }
            }

            return form;
        }

        return content.TryGetProperty("text/csv", out _) ? new StringContent(csv, Encoding.UTF8, "text/csv") : new StringContent("{}", Encoding.UTF8, "application/json");
    }
}
