using Clientele.Core.Errors;
using Clientele.Core.Ingest;

namespace Clientele.Core.Tests.Ingest;

public class NotesCsvTests
{
    private static (List<Note> Notes, IngestReport Report) Read(string csv, NotesCsvOptions? options = null)
    {
        var report = new IngestReport("t.csv");
        return (NotesCsv.ReadAll(new StringReader(csv), "t.csv", report, options), report);
    }

    private static (List<Note> Notes, IngestReport Report) ReadBytes(byte[] bytes)
    {
        var report = new IngestReport("t.csv");
        using var reader = CsvInput.OpenText(new MemoryStream(bytes));
        return (NotesCsv.ReadAll(reader, "t.csv", report), report);
    }

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_newlines()
    {
        var (notes, _) = Read("ID,Transcription\nA,\"one, two \"\"three\"\"\nfour\"\n");
        Assert.Equal("one, two \"three\"\nfour", Assert.Single(notes).Text);
    }

    [Fact]
    public void Utf8_bom_and_crlf_are_accepted()
    {
        var bytes = "\uFEFFID,Transcription\r\nA,hello\r\nB,world\r\n"u8.ToArray();
        var (notes, _) = ReadBytes(bytes);
        Assert.Equal(["A", "B"], notes.Select(n => n.ClientId));
        Assert.Equal("hello", notes[0].Text);
    }

    [Theory]
    [InlineData("client_id,note")]
    [InlineData("Id,Notes")]
    [InlineData("CLIENT_ID,TEXT")]
    public void Header_names_are_detected_case_insensitively(string header)
    {
        var (notes, _) = Read(header + "\nX1,some text\n");
        Assert.Equal("X1", Assert.Single(notes).ClientId);
    }

    [Fact]
    public void Explicit_column_names_override_detection()
    {
        var (notes, _) = Read("who,memo\nX1,text\n", new NotesCsvOptions { IdColumn = "who", TextColumn = "memo" });
        Assert.Equal("text", Assert.Single(notes).Text);
    }

    [Fact]
    public void Several_notes_per_client_are_all_kept()
    {
        var (notes, _) = Read("ID,Transcription\nA,one\nA,two\nB,three\n");
        Assert.Equal(3, notes.Count);
    }

    [Fact]
    public void Bad_rows_are_reported_with_line_and_column_and_the_rest_is_read()
    {
        var (notes, report) = Read("ID,Date,Transcription\nA,2026-01-02,ok\n,2026-01-02,no id\nC,2026-01-02,\"  \"\nD,not-a-date,kept\n", new NotesCsvOptions { MaxBadRows = RowAllowance.Rows(2) });
        Assert.Equal(["A", "D"], notes.Select(n => n.ClientId));
        Assert.Equal(2, report.Rejected);
        Assert.Equal(1, report.Warnings);
        Assert.Contains(report.Issues, i => i.Line == 3 && i.Column == 1 && i.Reason.Contains("blank client id"));
        Assert.Contains(report.Issues, i => i.Line == 4 && i.Column == 3);
        Assert.Contains(report.Issues, i => i.Line == 5 && i.Reason.Contains("not-a-date"));
        Assert.Null(notes[1].Date);
    }

    [Fact]
    public void Missing_text_column_is_an_error_naming_the_columns_found()
    {
        var e = Assert.Throws<ClienteleInputException>(() => Read("ID,Date\nA,2026-01-01\n"));
        Assert.Equal(1, e.Line);
        Assert.Contains("note text", e.Message);
        Assert.Contains("Date", e.Message);
    }

    [Fact]
    public void Empty_file_is_an_error()
    {
        var e = Assert.Throws<ClienteleInputException>(() => Read(string.Empty));
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void Header_only_is_an_error()
    {
        var e = Assert.Throws<ClienteleInputException>(() => Read("ID,Transcription\n"));
        Assert.Contains("no data rows", e.Message);
    }

    [Fact]
    public void Semicolon_separated_exports_are_read()
    {
        var (notes, _) = Read("ID;Transcription\nA;bonjour, madame\n");
        Assert.Equal("bonjour, madame", Assert.Single(notes).Text);
    }

    [Fact]
    public void Invalid_utf8_is_an_error_not_silent_replacement()
    {
        var bytes = "ID,Transcription\nA,caf"u8.ToArray().Concat(new byte[] { 0xE9, 0x0A }).ToArray();
        var e = Assert.Throws<ClienteleInputException>(() => ReadBytes(bytes));
        Assert.Contains("UTF-8", e.Message);
    }

    [Fact]
    public void Utf16_with_bom_is_read()
    {
        var bytes = System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes("ID,Transcription\nA,日本語\n")).ToArray();
        var (notes, _) = ReadBytes(bytes);
        Assert.Equal("日本語", Assert.Single(notes).Text);
    }

    [Fact]
    public void Nul_bytes_in_a_row_reject_that_row()
    {
        var (notes, report) = Read("ID,Transcription\nA,ok\nB,bad\0text\n", new NotesCsvOptions { MaxBadRows = RowAllowance.Rows(1) });
        Assert.Single(notes);
        Assert.Equal(1, report.Rejected);
    }
}
