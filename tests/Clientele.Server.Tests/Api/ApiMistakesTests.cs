using System.Net;
using System.Text;
using Clientele.Server.Tests.Fixtures;

namespace Clientele.Server.Tests.Api;

/// <summary>
/// The API's corpus of user mistakes (issue 14): each request, its status and a fragment of the problem's detail.
/// Rejected rows are a 400 listing them unless max_bad_rows allows them; then the answer carries an ingest block.
/// </summary>
public sealed class ApiMistakesTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    private const string Good = "ID,Date,Transcription\nA1,2026-01-02,\"Wants a handbag in black\"\nA2,2026-01-03,\"Loves silk scarves\"\nA3,2026-01-04,\"Budget 5K\"\n";

    public static TheoryData<string, string, string, int, string> Cases() => new()
    {
        // name, route, notes CSV, status, detail fragment
        { "a blank id row", "/api/predict", Good + ",2026-01-05,\"no id\"\n", 400, "line 5" },
        { "a note cut at an unquoted comma", "/api/predict", "ID,Transcription\nA1,Wants a handbag in black, budget 5K\n", 400, "the header has 2" },
        { "a quote never closed", "/api/predict", "ID,Transcription\nA1,\"Wants a handbag\nA2,\"Loves scarves\"\nA3,\"x\"\n", 400, "quote opened on line 2" },
        { "two rejected rows over an allowance of one", "/api/predict?max_bad_rows=1", Good + ",2026-01-05,\"x\"\n,2026-01-06,\"y\"\n", 400, "more than allowed" },
        { "max_bad_rows that is no number", "/api/predict?max_bad_rows=lots", Good, 400, "max_bad_rows 'lots'" },
        { "max_bad_rows over 100%", "/api/predict?max_bad_rows=150%25", Good, 400, "max_bad_rows '150%'" },
        { "merge_extra_fields that is no boolean", "/api/predict?merge_extra_fields=maybe", Good, 400, "merge_extra_fields must be true or false" },
        { "no text column", "/api/predict", "ID,Comment\nA,hello\n", 400, "no note text column" },
        { "a header only", "/api/predict", "ID,Transcription\n", 400, "no data rows" },
        { "an empty file", "/api/predict", string.Empty, 400, "empty" },
        { "text after a closing quote", "/api/predict", "ID,Transcription\nA1,\"x\" y\nA2,fine\n", 400, "text follows the closing quote" },
        { "a column named twice", "/api/predict", "ID,ID,Transcription\nA,A,x\n", 400, "more than once" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_bad_upload_is_a_400_naming_the_problem(string name, string route, string csv, int status, string fragment)
    {
        var detail = await (await factory.CreateClient().PostAsync(route, Http.File(csv))).Problem(status);
        Assert.True(detail.Contains(fragment, StringComparison.Ordinal), $"{name}: {detail}");
    }

    [Fact]
    public async Task Allowed_rejections_answer_200_with_an_ingest_block_listing_them()
    {
        var response = await factory.CreateClient().PostAsync("/api/predict?max_bad_rows=1", Http.File(Good + ",2026-01-05,\"no id here\"\n"));
        var body = await response.Json();
        Assert.Equal(3, body.GetProperty("scores").GetArrayLength());
        var ingest = body.GetProperty("ingest");
        Assert.Equal(4, ingest.GetProperty("rows_read").GetInt64());
        Assert.Equal(3, ingest.GetProperty("accepted").GetInt64());
        Assert.Equal(1, ingest.GetProperty("rejected").GetInt64());
        var rejection = ingest.GetProperty("rejections")[0];
        Assert.Equal(5, rejection.GetProperty("line").GetInt64());
        Assert.Contains("blank client id", rejection.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("no id here", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_extra_fields_keeps_the_whole_note_and_lists_a_warning()
    {
        var form = Http.File("ID,Transcription\nA1,Wants a handbag in black, budget 5K\n");
        form.Add(new StringContent("true"), "merge_extra_fields");
        var body = await (await factory.CreateClient().PostAsync("/api/predict", form)).Json();
        Assert.Equal(1, body.GetProperty("scores").GetArrayLength());
        Assert.Equal(1, body.GetProperty("ingest").GetProperty("warnings").GetInt64());
        Assert.Contains("rejoined", body.GetProperty("ingest").GetProperty("warning_issues")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_with_a_rejected_row_is_a_400_naming_its_line()
    {
        var bad = Http.File(NoteGenerator.Csv(60, seed: 4, idPrefix: "T") + ",2026-01-05,\"no id\"\n", "notes", "notes.csv");
        var detail = await (await factory.CreateAuthorizedClient().PostAsync("/api/train", bad)).Problem(400);
        Assert.StartsWith("notes.csv:124", detail, StringComparison.Ordinal);
        Assert.Contains("1 of 123 rows rejected", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_with_too_few_labels_is_a_400_unless_allow_small()
    {
        var labels = "client_id,purchased\n" + string.Concat(Enumerable.Range(1, 20).Select(i => $"T_{i:0000},{i % 2}\n"));
        var form = Http.File(NoteGenerator.Csv(60, seed: 4, idPrefix: "T"), "notes", "notes.csv").AddFile(labels, "labels", "labels.csv");
        var detail = await (await factory.CreateAuthorizedClient().PostAsync("/api/train", form)).Problem(400);
        Assert.Contains("too few labelled clients", detail, StringComparison.Ordinal);

        var allowed = Http.File(NoteGenerator.Csv(60, seed: 4, idPrefix: "T"), "notes", "notes.csv").AddFile(labels, "labels", "labels.csv");
        allowed.Add(new StringContent("true"), "allow_small");
        var response = await factory.CreateAuthorizedClient().PostAsync("/api/train", allowed);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Train_with_a_mistyped_label_column_is_a_400_naming_it()
    {
        var form = Http.File(NoteGenerator.Csv(60, seed: 4, idPrefix: "T"), "notes", "notes.csv").AddFile("client_id,purchsed\nT_0001,1\n", "labels", "labels.csv");
        var detail = await (await factory.CreateAuthorizedClient().PostAsync("/api/train", form)).Problem(400);
        Assert.Contains("purchsed", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_with_a_bad_max_bad_rows_is_a_400()
    {
        var form = Http.File(NoteGenerator.Csv(60, seed: 4, idPrefix: "T"), "notes", "notes.csv");
        form.Add(new StringContent("-3"), "max_bad_rows");
        var detail = await (await factory.CreateAuthorizedClient().PostAsync("/api/train", form)).Problem(400);
        Assert.Contains("max_bad_rows '-3'", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf16_without_a_valid_surrogate_is_refused_saying_what_is_accepted()
    {
        var bytes = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes("ID,Transcription\nA,")).Concat(new byte[] { 0x00, 0xD8, 0x41, 0x00 }).ToArray();
        var detail = await (await factory.CreateClient().PostAsync("/api/predict", Http.File(bytes))).Problem(400);
        Assert.Contains("UTF-16", detail, StringComparison.Ordinal);
    }
}
