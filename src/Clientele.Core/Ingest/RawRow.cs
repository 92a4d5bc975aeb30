namespace Clientele.Core.Ingest;

/// <summary>What is wrong with the quoting of a raw row, if anything.</summary>
internal enum QuoteProblem
{
    None,

    /// <summary>A quote is opened and never closed: it has swallowed the rest of the file.</summary>
    NeverClosed,

    /// <summary>A quoted field is closed and followed by more text before the separator.</summary>
    TextAfterClosingQuote,

    /// <summary>A quote inside an unquoted field opened a quoted section that runs over line breaks.</summary>
    QuoteInUnquotedField,
}

/// <summary>One field of a raw row: its content range (inside the quotes when quoted, outer blanks trimmed).</summary>
internal readonly record struct RawField(int Start, int End, bool Quoted);

/// <summary>
/// Reads a row as written in the file, before Sep unescapes it (Sep unescapes in place, on first access to a
/// column): where each field is, and whether a quote is unbalanced. Sep's own rule is followed — a quote
/// toggles quoting wherever it is — so the fields found here are the fields Sep returns.
/// </summary>
internal static class RawRow
{
    /// <summary>Fields of <paramref name="raw"/> (when <paramref name="fields"/> is given) and the first quoting problem.</summary>
    public static (QuoteProblem Problem, int Offset, int Field) Scan(ReadOnlySpan<char> raw, char separator, List<RawField>? fields)
    {
        var n = raw.Length;
        var i = 0;
        for (var field = 0; ; field++)
        {
            var s = i;
            while (s < n && raw[s] is ' ' or '\t')
            {
                s++;
            }

            int next;
            if (s < n && raw[s] == '"')
            {
                var close = ClosingQuote(raw, s);
                if (close < 0)
                {
                    return (QuoteProblem.NeverClosed, s, field);
                }

                var after = close + 1;
                while (after < n && raw[after] is ' ' or '\t')
                {
                    after++;
                }

                if (after < n && raw[after] != separator)
                {
                    return (QuoteProblem.TextAfterClosingQuote, s, field);
                }

                fields?.Add(new RawField(s + 1, close, true));
                next = after;
            }
            else
            {
                var e = s;
                var innerQuote = -1;
                while (e < n && raw[e] != separator)
                {
                    if (raw[e] == '"')
                    {
                        innerQuote = innerQuote < 0 ? e : innerQuote;
                        var close = ClosingQuote(raw, e);
                        if (close < 0)
                        {
                            return (QuoteProblem.NeverClosed, e, field);
                        }

                        e = close;
                    }

                    e++;
                }

                if (innerQuote >= 0 && raw[innerQuote..e].IndexOfAny('\n', '\r') >= 0)
                {
                    return (QuoteProblem.QuoteInUnquotedField, innerQuote, field);
                }

                var ce = e;
                while (ce > s && raw[ce - 1] is ' ' or '\t')
                {
                    ce--;
                }

                fields?.Add(new RawField(s, ce, false));
                next = e;
            }

            if (next >= n)
            {
                return (QuoteProblem.None, -1, -1);
            }

            i = next + 1;
        }
    }

    /// <summary>The text of a field as Sep gives it: quotes removed and doubled quotes undoubled.</summary>
    public static string Text(ReadOnlySpan<char> raw, RawField f) =>
        f.Quoted ? raw[f.Start..f.End].ToString().Replace("\"\"", "\"", StringComparison.Ordinal) : raw[f.Start..f.End].ToString();

    /// <summary>
    /// Fields <paramref name="from"/>..<paramref name="to"/> joined as they were written (separators and the
    /// blanks around them kept): the note text of a row whose unquoted commas split it.
    /// </summary>
    public static string Join(ReadOnlySpan<char> raw, List<RawField> fields, int from, int to)
    {
        var sb = new System.Text.StringBuilder(Text(raw, fields[from]));
        for (var k = from + 1; k <= to; k++)
        {
            var gapStart = fields[k - 1].End + (fields[k - 1].Quoted ? 1 : 0);
            var gapEnd = fields[k].Start - (fields[k].Quoted ? 1 : 0);
            sb.Append(raw[gapStart..gapEnd]).Append(Text(raw, fields[k]));
        }

        return sb.ToString();
    }

    /// <summary>Line breaks in <paramref name="text"/> (CRLF, LF or a lone CR each count once).</summary>
    public static int LineBreaks(ReadOnlySpan<char> text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Index of the quote closing the one at <paramref name="open"/> ("" is an escaped quote), or -1.</summary>
    private static int ClosingQuote(ReadOnlySpan<char> raw, int open)
    {
        var j = open + 1;
        while (true)
        {
            var k = raw[j..].IndexOf('"');
            if (k < 0)
            {
                return -1;
            }

            j += k;
            if (j + 1 < raw.Length && raw[j + 1] == '"')
            {
                j += 2;
                continue;
            }

            return j;
        }
    }
}
