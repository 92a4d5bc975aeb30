using System.Net;
using System.Text;
using Clientele.Server.Tests.Fixtures;

namespace Clientele.Server.Tests.Api;

public sealed class PredictApiTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    private static readonly string[] ValueSegments = ["Low", "Medium", "High", "VIP"];
    private static readonly string[] RiskSegments = ["Safe", "Monitor", "At Risk", "Critical"];
    private static readonly string Sample = NoteGenerator.Csv(12, seed: 3, idPrefix: "P");

    [Fact]
    public async Task Multipart_upload_returns_one_score_per_client()
    {
        var response = await factory.CreateClient().PostAsync("/api/predict", Http.File(Sample));
        var scores = await response.Json();
        Assert.Equal(12, scores.GetArrayLength());
        var first = scores[0];
        Assert.Equal("P_0001", first.GetProperty("client_id").GetString());
        Assert.InRange(first.GetProperty("purchase_prob").GetDouble(), 0, 1);
        Assert.InRange(first.GetProperty("churn_risk").GetDouble(), 0, 1);
        Assert.True(first.GetProperty("predicted_clv").GetDouble() > 0);
        Assert.Contains(first.GetProperty("value_segment").GetString(), ValueSegments);
        Assert.Contains(first.GetProperty("risk_segment").GetString(), RiskSegments);
        Assert.True(first.TryGetProperty("reasons", out _));
        Assert.Equal("v1", response.Headers.GetValues("X-Model-Version").Single());
    }

    [Fact]
    public async Task Text_csv_body_is_accepted_and_csv_is_returned_on_request()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/predict") { Content = Http.CsvBody(Sample) };
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("client_id,purchase_prob,will_purchase,churn_risk,will_churn,predicted_clv,value_segment,risk_segment,reasons", lines[0]);
        Assert.Equal(13, lines.Length);
    }

    [Fact]
    public async Task Same_upload_gives_same_scores()
    {
        var a = await (await factory.CreateClient().PostAsync("/api/predict", Http.File(Sample))).Content.ReadAsStringAsync();
        var b = await (await factory.CreateClient().PostAsync("/api/predict", Http.CsvBody(Sample))).Content.ReadAsStringAsync();
        Assert.Equal(a, b);
    }

    [Fact]
    public async Task Store_true_needs_the_key_and_then_saves_clients()
    {
        var csv = NoteGenerator.Csv(5, seed: 11, idPrefix: "S");
        await (await factory.CreateAnonymousClient().PostAsync("/api/predict?store=true", Http.File(csv))).Problem(401);
        Assert.Null(factory.Store.GetClient("S_0001"));

        var ok = await factory.CreateAuthorizedClient().PostAsync("/api/predict?store=true", Http.File(csv));
        Assert.Equal(5, (await ok.Json()).GetArrayLength());
        Assert.NotNull(factory.Store.GetClient("S_0001"));
        Assert.NotEmpty(factory.Store.GetNotes("S_0001"));
        Assert.Single(factory.Store.GetPredictionHistory("S_0001"));
    }

    [Fact]
    public async Task Empty_file_is_a_400()
    {
        var detail = await (await factory.CreateClient().PostAsync("/api/predict", Http.File(string.Empty))).Problem(400);
        Assert.Contains("empty", detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Header_only_file_is_a_400()
    {
        var detail = await (await factory.CreateClient().PostAsync("/api/predict", Http.File("ID,Date,Transcription\n"))).Problem(400);
        Assert.Contains("no data rows", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_text_column_names_file_line_and_expected_columns()
    {
        var detail = await (await factory.CreateClient().PostAsync("/api/predict", Http.File("ID,Date,Comment\nA,2025-01-01,hello\n", fileName: "mine.csv"))).Problem(400);
        Assert.StartsWith("mine.csv:1:", detail, StringComparison.Ordinal);
        Assert.Contains("transcription", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latin1_bytes_are_refused_as_not_utf8()
    {
        var bytes = Encoding.Latin1.GetBytes("ID,Transcription\nA,\"Rendez-vous très réussi, cadeau prévu\"\n");
        var detail = await (await factory.CreateClient().PostAsync("/api/predict", Http.File(bytes))).Problem(400);
        Assert.Contains("UTF-8", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_large_upload_is_a_413()
    {
        var big = new StringBuilder("ID,Transcription\n");
        while (big.Length < 3 * 1024 * 1024)
        {
            big.Append("A,\"").Append('x', 1000).Append("\"\n");
        }

        await (await factory.CreateClient().PostAsync("/api/predict", Http.File(big.ToString()))).Problem(413);
        await (await factory.CreateClient().PostAsync("/api/predict", Http.CsvBody(big.ToString()))).Problem(413);
    }

    [Fact]
    public async Task No_file_is_a_400()
    {
        await (await factory.CreateClient().PostAsync("/api/predict", new StringContent("{}", Encoding.UTF8, "application/json"))).Problem(415);
        var form = new MultipartFormDataContent { { new StringContent("x"), "other" } };
        await (await factory.CreateClient().PostAsync("/api/predict", form)).Problem(400);
    }

    [Fact]
    public async Task Rejected_rows_are_a_400_naming_their_lines_not_dropped_silently()
    {
        var csv = "ID,Transcription\nA,\"Meeting with Mr. Keller, gift, black watch\"\n,\"no id here\"\nB,\"   \"\n";
        var response = await factory.CreateClient().PostAsync("/api/predict", Http.File(csv));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("line 3 column 1", body, StringComparison.Ordinal);
        Assert.Contains("line 4 column 2", body, StringComparison.Ordinal);
    }
}
