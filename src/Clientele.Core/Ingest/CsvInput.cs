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
        catch (InvalidUtf8Exception e)
        {
            throw EncodingError(source, e);
        }
        catch (System.Text.DecoderFallbackException e)
        {
            throw EncodingError(source, e);
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

    /// <summary>
    /// Advances to the next row within the row-level limits (<see cref="CheckRow"/>): every row read is counted in
    /// <paramref name="report"/>, one over a limit is rejected there and passed over. False after the last row.
    /// </summary>
    public static bool MoveNextChecked(SepReader sep, string source, IngestReport report)
    {
        ArgumentNullException.ThrowIfNull(sep);
        ArgumentNullException.ThrowIfNull(report);
        while (MoveNext(sep, source, 0))
        {
            report.RowsRead++;
            if (CheckRow(sep.Current, source, report))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Advances to the next row; turns a decoding failure into a located error.</summary>
    public static bool MoveNext(SepReader sep, string source, long lastLine)
    {
        try
        {
            return sep.MoveNext();
        }
        catch (InvalidUtf8Exception e)
        {
            _ = lastLine;
            throw EncodingError(source, e);
        }
        catch (System.Text.DecoderFallbackException e)
        {
            throw EncodingError(source, e);
        }
    }

    /// <summary>A decoding failure as a located input error: line and column of the first invalid byte when known.</summary>
    public static ClienteleInputException EncodingError(string source, Exception e) =>
        e is InvalidUtf8Exception u
            ? new ClienteleInputException(source, u.Line, checked((int)Math.Min(u.Column, int.MaxValue)), Messages.NotUtf8At(u.Line, u.Column, u.InvalidBytes), e)
            : new ClienteleInputException(source, null, null, Messages.NotValidText, e);

    /// <summary>
    /// Wraps a byte stream for reading. Accepted: UTF-8 with or without a byte-order mark (checked byte by byte,
    /// so the first invalid byte is an <see cref="InvalidUtf8Exception"/> with its line and column, never a
    /// silent replacement character) and UTF-16 LE or BE with a byte-order mark. The mark is probed on the first
    /// bytes, which are replayed, so a non-seekable stream (stdin, an upload) works too.
    /// </summary>
    public static TextReader OpenText(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var head = new byte[3];
        var got = 0;
        while (got < head.Length)
        {
            var n = stream.Read(head, got, head.Length - got);
            if (n == 0)
            {
                break;
            }

            got += n;
        }

        var probe = head.AsSpan(0, got);
        System.Text.Encoding encoding;
        var skip = 0;
        var utf8 = false;
        if (probe.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            encoding = new System.Text.UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true);
            skip = 2;
        }
        else if (probe.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            encoding = new System.Text.UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true);
            skip = 2;
        }
        else
        {
            encoding = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true);
            skip = probe.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            utf8 = true;
        }

        var checkedStream = new CheckedTextStream(stream, probe[skip..].ToArray(), utf8);
        return new StreamReader(checkedStream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
    }
}
