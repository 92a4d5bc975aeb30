using System.Globalization;
using System.Text;

namespace Clientele.Core.Text;

/// <summary>
/// Cell quoting for the CSV files Clientele writes (concepts, scores). Text that a spreadsheet would run as a
/// formula (starting with =, +, -, @, tab or CR) is prefixed with an apostrophe (OWASP CSV-injection advice).
/// </summary>
public static class CsvCell
{
    /// <summary>The cell for <paramref name="value"/>: formula-guarded, quoted when it holds a comma, quote or line break.</summary>
    public static string Text(string value)
    {
        if (StartsFormula(value.Length > 0 ? value[0] : '\0'))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>
    /// Writes the cell for <paramref name="value"/>'s text, exactly as <see cref="Text(string)"/> would, without
    /// making a string of it: batch writers render each row into one reused builder.
    /// </summary>
    public static void Write(TextWriter writer, StringBuilder value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var quoted = false;
        foreach (var chunk in value.GetChunks())
        {
            quoted |= chunk.Span.IndexOfAny(",\"\n\r") >= 0;
        }

        if (quoted)
        {
            writer.Write('"');
        }

        if (StartsFormula(value.Length > 0 ? value[0] : '\0'))
        {
            writer.Write('\'');
        }

        foreach (var chunk in value.GetChunks())
        {
            var span = chunk.Span;
            for (var at = span.IndexOf('"'); at >= 0 && quoted; at = span.IndexOf('"'))
            {
                writer.Write(span[..(at + 1)]);
                writer.Write('"');
                span = span[(at + 1)..];
            }

            writer.Write(span);
        }

        if (quoted)
        {
            writer.Write('"');
        }
    }

    /// <summary>A number in invariant culture; NaN (a target the model lacks) is an empty cell.</summary>
    public static string Number(double value, string format = "0.######") =>
        double.IsNaN(value) ? string.Empty : value.ToString(format, CultureInfo.InvariantCulture);

    private static bool StartsFormula(char first) => first is '=' or '+' or '-' or '@' or '\t' or '\r';
}
