using System.Globalization;
using Clientele.Core.Errors;
using nietras.SeparatedValues;

namespace Clientele.Core.Ingest;

/// <summary>
/// Reads advisor notes (DESIGN §3) as a stream: one <see cref="Note"/> per usable row, every other row
/// counted in the <see cref="IngestReport"/> with its line and reason. The whole file is never held in memory.
/// </summary>
public static class NotesCsv
{
    /// <summary>Streams the notes of <paramref name="reader"/>; a file with no id or text column throws at once.</summary>
    public static IEnumerable<Note> Read(TextReader reader, string source, IngestReport report, NotesCsvOptions? options = null)
    {
        options ??= NotesCsvOptions.Default;
        var sep = CsvInput.OpenReader(reader, source);
        try
        {
            var header = sep.Header;
            var columns = new Columns(header.ColNames.Count,
                CsvInput.FindColumn(header, source, "client id", options.IdColumn, NotesCsvOptions.IdNames),
                CsvInput.FindColumn(header, source, "note text", options.TextColumn, NotesCsvOptions.TextNames),
                CsvInput.TryFindColumn(header, NotesCsvOptions.DateNames),
                CsvInput.TryFindColumn(header, NotesCsvOptions.LanguageNames));
            return ReadRows(sep, source, report, columns);
        }
        catch
        {
            sep.Dispose();
            throw;
        }
    }

    /// <summary>Reads every note into a list; throws when the file has a header but no usable row.</summary>
    public static List<Note> ReadAll(TextReader reader, string source, IngestReport report, NotesCsvOptions? options = null)
    {
        var notes = Read(reader, source, report, options).ToList();
        if (notes.Count == 0)
        {
            throw new ClienteleInputException(source, null, null,
                report.RowsRead == 0 ? Messages.HeaderOnly : $"none of the {report.RowsRead:N0} rows is usable; first problem: line {report.Issues[0].Line}: {report.Issues[0].Reason}");
        }

        return notes;
    }

    private static IEnumerable<Note> ReadRows(SepReader sep, string source, IngestReport report, Columns columns)
    {
        using (sep)
        {
            long lastLine = 1;
            while (CsvInput.MoveNext(sep, source, lastLine))
            {
                var note = ParseRow(sep.Current, source, report, columns, ref lastLine);
                if (note is not null)
                {
                    yield return note;
                }
            }
        }
    }

    private static Note? ParseRow(SepReader.Row row, string source, IngestReport report, Columns c, ref long lastLine)
    {
        var line = row.LineNumberFrom;
        lastLine = row.LineNumberToExcl - 1;
        report.RowsRead++;
        if (!CsvInput.CheckRow(row, source, report))
        {
            return null;
        }

        if (row.ColCount <= Math.Max(c.Id, c.Text))
        {
            if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
            {
                report.RowsRead--; // a blank line is not a row
                return null;
            }

            report.Reject(line, row.ColCount + 1, $"row has {row.ColCount} columns; the note text is column {c.Text + 1}");
            return null;
        }

        var id = row[c.Id].ToString().Trim();
        if (id.Length == 0)
        {
            report.Reject(line, c.Id + 1, Messages.BlankId);
            return null;
        }

        var text = row[c.Text].ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            report.Reject(line, c.Text + 1, Messages.BlankText);
            return null;
        }

        if (text.Contains('\0') || id.Contains('\0'))
        {
            report.Reject(line, null, Messages.BinaryContent);
            return null;
        }

        DateOnly? date = null;
        if (c.Date >= 0 && c.Date < row.ColCount)
        {
            var raw = row[c.Date].Span.Trim();
            if (!raw.IsEmpty)
            {
                if (TryParseDate(raw, out var d))
                {
                    date = d;
                }
                else
                {
                    report.Warn(line, c.Date + 1, Messages.BadDate(raw.ToString()));
                }
            }
        }

        string? language = null;
        if (c.Language >= 0 && c.Language < row.ColCount)
        {
            var raw = row[c.Language].Span.Trim();
            language = raw.IsEmpty ? null : raw.ToString().ToUpperInvariant();
        }

        if (row.LineNumberToExcl - line > 1 && LooksLikeSwallowedRows(text, c.Count))
        {
            report.Warn(line, c.Text + 1, Messages.SwallowedRows(row.LineNumberToExcl - line));
        }

        report.Accepted++;
        return new Note(id, date, language, text, line);
    }

    /// <summary>
    /// A quoted note spanning lines where one line holds as many commas as a whole row: an unbalanced quote
    /// upstream has probably turned the following rows into this note's text. Warned, not rejected: the
    /// text may be genuine, but the user must hear about it.
    /// </summary>
    private static bool LooksLikeSwallowedRows(string text, int columns)
    {
        var needed = Math.Max(2, columns - 1);
        foreach (var part in text.AsSpan().EnumerateLines())
        {
            if (part.Count(',') >= needed)
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryParseDate(ReadOnlySpan<char> raw, out DateOnly date)
    {
        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        // Exports sometimes carry a time of day ("2026-01-08T10:30:00", "2026-01-08 10:30").
        if (DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dt) && raw.Length >= 10 && raw[4] == '-')
        {
            date = DateOnly.FromDateTime(dt);
            return true;
        }

        return false;
    }

    private readonly record struct Columns(int Count, int Id, int Text, int Date, int Language);
}
