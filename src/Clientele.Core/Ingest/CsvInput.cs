using Clientele.Core.Errors;
using nietras.SeparatedValues;

namespace Clientele.Core.Ingest;

/// <summary>
/// The shared front door for every CSV Clientele reads (notes, labels, lexicon, holdout): Sep with
/// unescaping, the separator detected from the header (so a ';' export from Excel works), limits
/// that keep a hostile file from taking unbounded memory, and column lookup by accepted names.
/// </summary>
public static class CsvInput
{
    /// <summary>A longer field is rejected: a real note is a few KB; 1 MB leaves room for transcripts.</summary>
    public const int MaxFieldLength = 1_000_000;

    /// <summary>More columns than this is not a notes file (the format has six).</summary>
    public const int MaxColumns = 1_000;

    /// <summary>Opens a Sep reader; throws a located error when the input is empty or not text.</summary>
    public static SepReader OpenReader(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        try
        {
            if (reader.Peek() < 0)
            {
                throw new ClienteleInputException(source, null, null, Messages.EmptyFile);
            }

            var sep = Sep.Reader(o => o with
            {
                Unescape = true,
                DisableColCountCheck = true,
                ColNameComparer = StringComparer.OrdinalIgnoreCase,
                Trim = SepTrim.Outer,
            }).From(reader);
            if (sep.Header.ColNames.Any(n => n.Contains('\0')))
            {
                sep.Dispose();
                throw new ClienteleInputException(source, 1, null, Messages.BinaryContent);
            }

            if (sep.Header.ColNames.Count > MaxColumns)
            {
                sep.Dispose();
                throw new ClienteleInputException(source, 1, null, Messages.TooManyColumns(sep.Header.ColNames.Count, MaxColumns));
            }

            return sep;
        }
        catch (System.Text.DecoderFallbackException e)
        {
            throw new ClienteleInputException(source, null, null, Messages.NotUtf8, e);
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            // Sep refuses a header that names a column twice; its message lists every occurrence, so it is not passed on.
            throw new ClienteleInputException(source, 1, null, Messages.DuplicateColumns, e);
        }
    }

    /// <summary>Index of the first column whose name is one of <paramref name="names"/> (or the explicit one); a located error otherwise.</summary>
    public static int FindColumn(SepReaderHeader header, string source, string what, string? explicitName, params string[] names)
    {
        if (!string.IsNullOrWhiteSpace(explicitName))
        {
            return header.TryIndexOf(explicitName, out var e)
                ? e
                : throw new ClienteleInputException(source, 1, null, Messages.MissingColumn(what, [explicitName], header.ColNames));
        }

        var i = TryFindColumn(header, names);
        if (i >= 0)
        {
            return i;
        }

        if (header.ColNames.Count == 1)
        {
            var only = header.ColNames[0];
            foreach (var d in new[] { ';', '\t', '|' })
            {
                if (only.Contains(d))
                {
                    throw new ClienteleInputException(source, 1, null, Messages.WrongDelimiter(d));
                }
            }
        }

        throw new ClienteleInputException(source, 1, null, Messages.MissingColumn(what, names, header.ColNames));
    }

    /// <summary>Index of the first column named one of <paramref name="names"/>, or -1.</summary>
    public static int TryFindColumn(SepReaderHeader header, params string[] names)
    {
        foreach (var name in names)
        {
            if (header.TryIndexOf(name, out var i))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A cell's text, or empty when the row is shorter than the header.</summary>
    public static string Cell(SepReader.Row row, int index) =>
        index >= 0 && index < row.ColCount ? row[index].ToString() : string.Empty;

    /// <summary>Checks row-level limits; a row over a limit is rejected with its line and column.</summary>
    public static bool CheckRow(SepReader.Row row, string source, IngestReport report)
    {
        _ = source;
        if (row.ColCount > MaxColumns)
        {
            report.Reject(row.LineNumberFrom, null, Messages.TooManyColumns(row.ColCount, MaxColumns));
            return false;
        }

        for (var c = 0; c < row.ColCount; c++)
        {
            var length = row[c].Span.Length;
            if (length > MaxFieldLength)
            {
                report.Reject(row.LineNumberFrom, c + 1, Messages.FieldTooLong(length, MaxFieldLength));
                return false;
            }
        }

        return true;
    }

    /// <summary>Advances to the next row; turns a decoding failure into a located error.</summary>
    public static bool MoveNext(SepReader sep, string source, long lastLine)
    {
        try
        {
            return sep.MoveNext();
        }
        catch (System.Text.DecoderFallbackException e)
        {
            throw new ClienteleInputException(source, lastLine + 1, null, Messages.NotUtf8, e);
        }
    }

    /// <summary>
    /// Wraps a byte stream for reading: UTF-8 that refuses invalid bytes instead of silently replacing
    /// them, with a byte-order mark honoured (so UTF-16 exports with a BOM still read).
    /// </summary>
    public static TextReader OpenText(Stream stream) =>
        new StreamReader(stream, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
}
