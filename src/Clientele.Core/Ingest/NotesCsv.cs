using System.Globalization;
using Clientele.Core.Errors;
using nietras.SeparatedValues;

namespace Clientele.Core.Ingest;

/// <summary>
/// Reads advisor notes (DESIGN §3) as a stream: one <see cref="Note"/> per usable row, every other row
/// counted in the <see cref="IngestReport"/> with its line and reason. The whole file is never held in memory.
/// </summary>
/// <remarks>
/// Nothing is silent (issue 14). A row is rejected (blank id or text, a short row, more fields than the header
/// unless <see cref="NotesCsvOptions.MergeExtraFields"/>, text after a closing quote); rejected rows are an
/// error unless <see cref="NotesCsvOptions.MaxBadRows"/> allows them. Because reading streams, that check runs
/// when the last row has been read: the enumeration throws <see cref="ClienteleInputException"/> instead of
/// finishing, so a caller that publishes its output only after consuming every note (write to a temporary
/// file then rename, answer after reading) never publishes output from a rejected file. A quote that swallows
/// rows is an error at once, naming the line where it opened; an invalid byte names its line and column.
/// </remarks>
public static class NotesCsv
{
    /// <summary>Rejected rows named in the error when there are too many.</summary>
    public const int RowsNamedInError = 5;

    /// <summary>
    /// Streams the notes of <paramref name="reader"/>; a file with no id or text column throws at once, a file
    /// with more rejected rows than <see cref="NotesCsvOptions.MaxBadRows"/> throws when its last row is read.
    /// </summary>
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
                CsvInput.TryFindColumn(header, NotesCsvOptions.LanguageNames),
                CsvInput.TryFindColumn(header, NotesCsvOptions.ConsentNames));
            var context = new RowContext(source, report, options, columns, sep.Spec.Sep.Separator, ExtraColumns(header.ColNames, columns));
            return ReadRows(sep, context);
        }
        catch
        {
            sep.Dispose();
            throw;
        }
    }

    /// <summary>Reads every note into a list; throws when the file has a header but no usable row, or too many rejected rows.</summary>
    public static List<Note> ReadAll(TextReader reader, string source, IngestReport report, NotesCsvOptions? options = null)
    {
        var notes = Read(reader, source, report, options).ToList();
        RequireSome(source, report, notes.Count);
        return notes;
    }

    /// <summary>
    /// Throws when <paramref name="source"/>, read by <see cref="Read"/>, gave no note (<paramref name="notes"/> = 0): a header with no data
    /// row, or rows that are all rejected. A caller that streams the notes calls it once they are all read.
    /// </summary>
    public static void RequireSome(string source, IngestReport report, long notes)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (notes == 0)
        {
            throw new ClienteleInputException(source, null, null,
                report.RowsRead == 0 ? Messages.HeaderOnly : Messages.NoUsableRow(report.RowsRead, report.Issues[0].Line, report.Issues[0].Reason));
        }
    }

    /// <summary>Throws when <paramref name="report"/> has more rejected rows than <paramref name="allowance"/>, naming the first few.</summary>
    public static void EnforceAllowance(IngestReport report, RowAllowance allowance)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (allowance.Allows(report.Rejected, report.RowsRead))
        {
            return;
        }

        var rejected = report.Issues.Where(i => !i.IsWarning).ToList();
        var first = rejected.Count > 0 ? rejected[0] : null;
        throw new ClienteleInputException(report.Source, first?.Line, first?.Column,
            Messages.TooManyBadRows(report.Rejected, report.RowsRead, allowance.ToString(),
                rejected.Take(RowsNamedInError).Select(i => $"line {i.Line}{(i.Column is { } c ? $" column {c}" : string.Empty)}: {i.Reason}")));
    }

    private static IEnumerable<Note> ReadRows(SepReader sep, RowContext context)
    {
        using (sep)
        {
            long lastLine = 1;
            while (CsvInput.MoveNext(sep, context.Source, lastLine))
            {
                var note = ParseRow(sep.Current, context, ref lastLine);
                if (note is not null)
                {
                    yield return note;
                }
            }

            EnforceAllowance(context.Report, context.Options.MaxBadRows);
        }
    }

    private static Note? ParseRow(SepReader.Row row, RowContext x, ref long lastLine)
    {
        var c = x.Columns;
        var report = x.Report;
        var line = row.LineNumberFrom;
        lastLine = row.LineNumberToExcl - 1;
        report.RowsRead++;

        // The raw row is read before any column: Sep unescapes a column in place when it is first accessed.
        if (!CheckQuotesAndWidth(row, x, out var mergedText, out var shift))
        {
            return null;
        }

        if (!CsvInput.CheckRow(row, x.Source, report))
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

        int At(int column) => column > c.Text ? column + shift : column;

        var id = row[At(c.Id)].ToString().Trim();
        if (id.Length == 0)
        {
            report.Reject(line, c.Id + 1, Messages.BlankId);
            return null;
        }

        var text = mergedText ?? row[c.Text].ToString();
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
        if (c.Date >= 0 && At(c.Date) < row.ColCount)
        {
            var raw = row[At(c.Date)].Span.Trim();
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
        if (c.Language >= 0 && At(c.Language) < row.ColCount)
        {
            var raw = row[At(c.Language)].Span.Trim();
            language = raw.IsEmpty ? null : raw.ToString().ToUpperInvariant();
        }

        string? consent = null;
        if (c.Consent >= 0 && At(c.Consent) < row.ColCount)
        {
            var raw = row[At(c.Consent)].ToString().Trim();
            // A consent cell nobody can read is an error, not a rejected row: the row may be the client's objection.
            if (raw.Length > 0 && !Privacy.ConsentValues.TryParse(raw, out consent))
            {
                throw new ClienteleInputException(x.Source, line, c.Consent + 1, Messages.BadConsent(raw, Privacy.ConsentValues.Accepted));
            }
        }

        report.Accepted++;
        return new Note(id, date, language, text, line)
        {
            ColumnNames = x.Extra?.Names,
            ColumnValues = x.Extra is { } extra ? ExtraValues(row, extra, At) : null,
            Consent = consent,
        };
    }

    /// <summary>
    /// Checks the quoting of a row that has a quote, and the width of a row wider than the header. A quote that
    /// runs over rows is an error at once (the rows it merged cannot be told apart); a row with extra non-blank
    /// fields is rejected naming the first extra field, or rejoined into the text with
    /// <see cref="NotesCsvOptions.MergeExtraFields"/>. Valid multi-line notes pass without a word, however row-like
    /// their lines look: only the quoting decides.
    /// </summary>
    private static bool CheckQuotesAndWidth(SepReader.Row row, RowContext x, out string? mergedText, out int shift)
    {
        mergedText = null;
        shift = 0;
        var raw = row.Span;
        var extra = row.ColCount - x.Columns.Count;
        if (extra <= 0 && raw.IndexOf('"') < 0)
        {
            return true;
        }

        var line = row.LineNumberFrom;
        var fields = extra > 0 ? x.Fields : null;
        fields?.Clear();
        var (problem, offset, field) = RawRow.Scan(raw, x.Separator, fields);
        if (problem != QuoteProblem.None)
        {
            var openLine = line + RawRow.LineBreaks(raw[..offset]);
            var lastLine = line + RawRow.LineBreaks(raw);
            switch (problem)
            {
                case QuoteProblem.NeverClosed:
                    throw new ClienteleInputException(x.Source, openLine, field + 1, Messages.QuoteNeverClosed(openLine, lastLine - openLine + 1));
                case QuoteProblem.QuoteInUnquotedField:
                    throw new ClienteleInputException(x.Source, openLine, field + 1, Messages.QuoteInsideField(openLine, lastLine - openLine + 1));
                case QuoteProblem.TextAfterClosingQuote when lastLine > openLine:
                    throw new ClienteleInputException(x.Source, openLine, field + 1, Messages.QuoteMergedRows(openLine, lastLine));
                default:
                    x.Report.Reject(line, field + 1, Messages.TextAfterClosingQuote);
                    return false;
            }
        }

        if (fields is null)
        {
            return true;
        }

        var header = x.Columns.Count;
        var blankExtras = true;
        for (var k = header; k < fields.Count; k++)
        {
            blankExtras &= fields[k].End <= fields[k].Start;
        }

        if (blankExtras && fields.Count == row.ColCount)
        {
            // Trailing empty fields ("A,text,,") lose no text: spreadsheets write them.
            return true;
        }

        if (!x.Options.MergeExtraFields || fields.Count != row.ColCount)
        {
            x.Report.Reject(line, header + 1, Messages.ExtraFields(row.ColCount, header, header + 1));
            return false;
        }

        mergedText = RawRow.Join(raw, fields, x.Columns.Text, x.Columns.Text + extra);
        shift = extra;
        x.Report.Warn(line, x.Columns.Text + 1, Messages.ExtraFieldsMerged(extra));
        return true;
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

    /// <summary>The header's columns that are none of id, text, date, language and consent: candidate features (DESIGN, issue 13).</summary>
    private static ExtraColumnSet? ExtraColumns(IReadOnlyList<string> header, Columns c)
    {
        var indices = Enumerable.Range(0, header.Count).Where(i => i != c.Id && i != c.Text && i != c.Date && i != c.Language && i != c.Consent && header[i].Trim().Length > 0).ToArray();
        return indices.Length == 0 ? null : new ExtraColumnSet(indices.Select(i => header[i].Trim()).ToArray(), indices);
    }

    private static string[] ExtraValues(SepReader.Row row, ExtraColumnSet extra, Func<int, int> at)
    {
        var values = new string[extra.Indices.Length];
        for (var k = 0; k < values.Length; k++)
        {
            var i = at(extra.Indices[k]);
            values[k] = i < row.ColCount ? row[i].Span.Trim().ToString() : string.Empty;
        }

        return values;
    }

    private readonly record struct Columns(int Count, int Id, int Text, int Date, int Language, int Consent);

    /// <summary>Names and header positions of the extra columns.</summary>
    private sealed record ExtraColumnSet(string[] Names, int[] Indices);

    /// <summary>What every row of one read needs, and a reusable field list.</summary>
    private sealed record RowContext(string Source, IngestReport Report, NotesCsvOptions Options, Columns Columns, char Separator, ExtraColumnSet? Extra)
    {
        public List<RawField> Fields { get; } = [];
    }
}
