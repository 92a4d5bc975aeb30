using System.Text;
using Clientele.Core.Errors;
using Clientele.Core.Ingest;

namespace Clientele.Core.Tests.Ingest;

/// <summary>Issue 14, items 3, 4 and 9: rejected rows, extra fields, unbalanced quotes and encodings are never silent.</summary>
public class NotesCsvStrictTests
{
    private static (List<Note> Notes, IngestReport Report) Read(string csv, NotesCsvOptions? options = null)
    {
        var report = new IngestReport("t.csv");
        return (NotesCsv.ReadAll(new StringReader(csv), "t.csv", report, options), report);
    }

    private static List<Note> ReadBytes(byte[] bytes)
    {
        using var reader = CsvInput.OpenText(new MemoryStream(bytes));
        return NotesCsv.ReadAll(reader, "t.csv", new IngestReport("t.csv"));
    }

    private static readonly NotesCsvOptions Lenient = new() { MaxBadRows = RowAllowance.Share(100) };

    [Fact]
    public void Rejected_rows_are_an_error_naming_the_first_lines_and_reasons()
    {
        var e = Assert.Throws<ClienteleInputException>(() => Read("ID,Transcription\nA,ok\n,no id\nC,\"\"\nD,fine\n"));
        Assert.Equal(3, e.Line);
        Assert.Contains("2 of 4 rows rejected", e.Message);
        Assert.Contains("line 3 column 1: blank client id", e.Message);
        Assert.Contains("line 4 column 2: blank note text", e.Message);
    }

    [Fact]
    public void Rejected_rows_error_comes_when_streaming_ends_before_the_caller_finishes()
    {
        var report = new IngestReport("t.csv");
        var seen = new List<string>();
        var e = Assert.Throws<ClienteleInputException>(() =>
        {
            foreach (var n in NotesCsv.Read(new StringReader("ID,Transcription\nA,ok\n,bad\nB,ok\n"), "t.csv", report))
            {
                seen.Add(n.ClientId);
            }

            seen.Add("published");
        });
        Assert.Equal(["A", "B"], seen);
        Assert.Contains("line 3", e.Message);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("34%", true)]
    [InlineData("33%", false)]
    public void Max_bad_rows_allows_a_count_or_a_percentage_and_reports_them(string allowance, bool allowed)
    {
        Assert.True(RowAllowance.TryParse(allowance, out var a));
        const string csv = "ID,Transcription\nA,ok\n,no id\nB,ok\n";
        if (!allowed)
        {
            Assert.Throws<ClienteleInputException>(() => Read(csv, new NotesCsvOptions { MaxBadRows = a }));
            return;
        }

        var (notes, report) = Read(csv, new NotesCsvOptions { MaxBadRows = a });
        Assert.Equal(2, notes.Count);
        Assert.Equal(1, report.Rejected);
        Assert.Equal(3, Assert.Single(report.Rejections).Line);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("101%")]
    [InlineData("ten")]
    [InlineData("")]
    public void Max_bad_rows_refuses_values_that_are_not_a_count_or_a_percentage(string text) =>
        Assert.False(RowAllowance.TryParse(text, out _));

    [Fact]
    public void Row_with_more_fields_than_the_header_is_an_error_naming_line_and_column()
    {
        var e = Assert.Throws<ClienteleInputException>(() => Read("ID,Transcription\nA0,fine\nA1,Wants a handbag in black, budget 5K\n"));
        Assert.Equal(3, e.Line);
        Assert.Equal(3, e.Column);
        Assert.Contains("3 fields but the header has 2", e.Message);
    }

    [Fact]
    public void Merge_extra_fields_rejoins_the_text_with_its_commas()
    {
        var (notes, report) = Read("ID,Transcription\nA1,Wants a handbag in black, budget 5K,  and a scarf\n", new NotesCsvOptions { MergeExtraFields = true });
        Assert.Equal("Wants a handbag in black, budget 5K,  and a scarf", Assert.Single(notes).Text);
        Assert.Equal(1, report.Warnings);
        Assert.Contains("2 extra fields", Assert.Single(report.Issues).Reason);
    }

    [Fact]
    public void Merge_extra_fields_keeps_the_columns_after_the_text_in_place()
    {
        var (notes, _) = Read("ID;Transcription;Date\nA1;bag; black;2026-01-05\n", new NotesCsvOptions { MergeExtraFields = true });
        var n = Assert.Single(notes);
        Assert.Equal("bag; black", n.Text);
        Assert.Equal(new DateOnly(2026, 1, 5), n.Date);
    }

    [Fact]
    public void Trailing_empty_fields_lose_no_text_and_are_accepted()
    {
        var (notes, report) = Read("ID,Transcription\nA,hello,,\n");
        Assert.Equal("hello", Assert.Single(notes).Text);
        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Valid_multi_line_notes_that_look_row_like_give_no_warning()
    {
        const string csv = "ID,Date,Language,Transcription\n" +
            "A,2026-01-01,EN,\"Visit one, two, three:\nB,2026-01-02,EN,not a row\nC,2026-01-03,EN,\"\"quoted\"\", still the note\"\n" +
            "D,2026-01-04,FR,\"ligne un,\r\nligne deux, trois, quatre\"\n" +
            "E,2026-01-05,EN,plain\n";
        var (notes, report) = Read(csv);
        Assert.Equal(["A", "D", "E"], notes.Select(n => n.ClientId));
        Assert.Contains("B,2026-01-02,EN,not a row", notes[0].Text);
        Assert.Empty(report.Issues);
        Assert.Equal(0, report.Warnings);
    }

    [Fact]
    public void Unbalanced_quote_is_an_error_naming_the_line_where_it_opened()
    {
        var e = Assert.Throws<ClienteleInputException>(() =>
            Read("ID,Transcription\nA,fine\nB,\"opened here\nC,swallowed\nD,swallowed too\n"));
        Assert.Equal(3, e.Line);
        Assert.Contains("opened on line 3 is never closed", e.Message);
    }

    [Fact]
    public void Unbalanced_quote_closed_by_a_later_row_is_an_error_naming_the_line_where_it_opened()
    {
        var e = Assert.Throws<ClienteleInputException>(() =>
            Read("ID,Transcription\nA,\"broken\nB,two\nC,\"quoted\" note\nD,ok\n"));
        Assert.Equal(2, e.Line);
        Assert.Contains("opened on line 2", e.Message);
    }

    [Fact]
    public void Quote_inside_an_unquoted_field_that_swallows_rows_is_an_error()
    {
        var e = Assert.Throws<ClienteleInputException>(() =>
            Read("ID,Transcription\nA,he is 5'11\" tall\nB,two\nC,three \" closes\nD,ok\n"));
        Assert.Equal(2, e.Line);
        Assert.Contains("quote inside an unquoted field on line 2", e.Message);
    }

    [Fact]
    public void Invalid_byte_names_its_line_and_column_and_the_accepted_encodings()
    {
        var bytes = Encoding.UTF8.GetBytes("ID,Transcription\nA,ok\nB,caf").Concat(new byte[] { 0xE9, (byte)'!', (byte)'\n' }).ToArray();
        var e = Assert.Throws<ClienteleInputException>(() => ReadBytes(bytes));
        Assert.Equal(3, e.Line);
        Assert.Equal(6, e.Column);
        Assert.Contains("0xE9", e.Message);
        Assert.Contains("UTF-8 with or without a byte-order mark, UTF-16 LE or BE with a byte-order mark", e.Message);
        Assert.DoesNotContain("not supported", e.Message);
    }

    [Fact]
    public void Invalid_byte_column_counts_characters_not_bytes()
    {
        var bytes = Encoding.UTF8.GetBytes("ID,Transcription\r\nA,日本").Concat(new byte[] { 0xE6, 0x28 }).ToArray();
        var e = Assert.Throws<ClienteleInputException>(() => ReadBytes(bytes));
        Assert.Equal((2L, 5), (e.Line!.Value, e.Column!.Value));
    }

    [Fact]
    public void Invalid_byte_in_a_large_file_is_located_across_buffers()
    {
        var sb = new StringBuilder("ID,Transcription\n");
        for (var i = 0; i < 20_000; i++)
        {
            sb.Append('C').Append(i).Append(",Note about a bag — é ü 日本\n");
        }

        var bytes = Encoding.UTF8.GetBytes(sb.ToString()).Concat(new byte[] { (byte)'Z', (byte)',', 0xFF, (byte)'\n' }).ToArray();
        var e = Assert.Throws<ClienteleInputException>(() => ReadBytes(bytes));
        Assert.Equal((20_002L, 3), (e.Line!.Value, e.Column!.Value));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_with_a_byte_order_mark_is_read_in_both_byte_orders(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, true);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("ID,Transcription\nA,日本語 é\n")).ToArray();
        Assert.Equal("日本語 é", Assert.Single(ReadBytes(bytes)).Text);
    }

    [Fact]
    public void Lenient_reading_still_reports_every_rejection() =>
        Assert.Equal(2, Read("ID,Transcription\n,a\n,b\nC,ok\n", Lenient).Report.Rejections.Count());
}
