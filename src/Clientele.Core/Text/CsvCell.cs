using System.Buffers;
using System.Globalization;
using System.Text;

namespace Clientele.Core.Text;

/// <summary>
/// Cell quoting for the CSV files Clientele writes (concepts, scores, occasions, RFM). Text that a spreadsheet would
/// run as a formula is neutralised with an apostrophe (OWASP CSV-injection advice), not only at the start of the
/// cell but after every comma, semicolon, tab or line break in it (issue 14, item 12): French and German
/// spreadsheets split on ';', so <c>x;=cmd|'/C calc'!A0</c> would otherwise give a cell starting with '='. A
/// piece that is a plain number ("-5", "+3.2") is left alone: it is a value, not a formula.
/// </summary>
public static class CsvCell
{
    /// <summary>Characters a reader may split a line on: after each, a formula start is neutralised.</summary>
    private const string Splitters = ",;\t\n\r";

    /// <summary>Characters that make the cell need quotes in a comma-separated file.</summary>
    private const string NeedsQuotes = ",\"\n\r";

    /// <summary>The splitters and the quote: a cell holding none of them (and no formula start) is written as it is.</summary>
    private static readonly SearchValues<char> Special = SearchValues.Create(Splitters + "\"");

    /// <summary>The cell for <paramref name="value"/>: formula-guarded, quoted when it holds a comma, quote or line break.</summary>
    public static string Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // A leading tab or carriage return is itself a splitter, so the piece loop below would not guard it.
        value = Neutralise(value.Length > 0 && value[0] is '\t' or '\r' ? "'" + value : value);
        return value.AsSpan().IndexOfAny(NeedsQuotes) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>
    /// Writes the cell for <paramref name="value"/>'s text, exactly as <see cref="Text(string)"/> would. Batch
    /// writers render each row into one reused builder: a cell with no separator, quote or formula start (nearly
    /// all of them) is written from the builder's chunks without making a string.
    /// </summary>
    public static void Write(TextWriter writer, StringBuilder value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var plain = value.Length == 0 || !StartsFormula(value[0]);
        foreach (var chunk in value.GetChunks())
        {
            plain &= chunk.Span.IndexOfAny(Special) < 0;
        }

        if (!plain)
        {
            writer.Write(Text(value.ToString()));
            return;
        }

        foreach (var chunk in value.GetChunks())
        {
            writer.Write(chunk.Span);
        }
    }

    /// <summary>A number in invariant culture; NaN (a target the model lacks) is an empty cell.</summary>
    public static string Number(double value, string format = "0.######") =>
        double.IsNaN(value) ? string.Empty : value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>True when no split of <paramref name="cell"/> on ',', ';', tab or a line break starts a formula (tests, checks).</summary>
    public static bool IsFormulaSafe(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        foreach (var piece in cell.Split([',', ';', '\t', '\n', '\r']))
        {
            var p = piece.TrimStart('"');
            if (p.Length > 0 && StartsFormula(p[0]) && !IsPlainNumber(p.TrimEnd('"')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The value with an apostrophe before every piece (start, or after a splitter) that starts a formula.</summary>
    private static string Neutralise(string value)
    {
        StringBuilder? safe = null;
        var pieceStart = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i < value.Length && Splitters.IndexOf(value[i], StringComparison.Ordinal) < 0)
            {
                continue;
            }

            // value[pieceStart..i] is one piece between splitters.
            var piece = value.AsSpan(pieceStart, i - pieceStart);
            var guard = piece.Length > 0 && StartsFormula(piece[0]) && !IsPlainNumber(piece);
            if (guard || safe is not null)
            {
                safe ??= new StringBuilder(value.Length + 4).Append(value, 0, pieceStart);
                if (guard)
                {
                    safe.Append('\'');
                }

                safe.Append(piece);
                if (i < value.Length)
                {
                    safe.Append(value[i]);
                }
            }

            pieceStart = i + 1;
        }

        return safe?.ToString() ?? value;
    }

    private static bool IsPlainNumber(ReadOnlySpan<char> piece) =>
        piece.Length > 1 && (piece[0] is '-' or '+') && double.TryParse(piece, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    private static bool StartsFormula(char first) => first is '=' or '+' or '-' or '@' or '\t' or '\r';
}
