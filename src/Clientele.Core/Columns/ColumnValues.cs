using System.Globalization;
using Clientele.Core.Text;

namespace Clientele.Core.Columns;

/// <summary>
/// Reads one cell of an extra column as a number (durations in minutes: "25 min", "1h30", "45'", "2 h"; decimal
/// comma "1,5"), a date, or a categorical value (folded as the matcher folds). The unit words are data
/// (Columns/Resources/duration-units.tsv).
/// </summary>
public static class ColumnValues
{
    private static readonly Dictionary<string, double> Units = EmbeddedTable.Read("Clientele.Core.Columns.duration-units.tsv")
        .ToDictionary(r => TextFolder.Fold(r[0]), r => double.Parse(r[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "dd/MM/yyyy", "dd.MM.yyyy"];

    /// <summary>
    /// The number <paramref name="cell"/> states, durations in minutes; false for anything else (text, a date, a
    /// phone number, a number followed by a word that is not a duration unit).
    /// </summary>
    public static bool TryNumber(ReadOnlySpan<char> cell, out double value)
    {
        value = 0;
        var s = cell.Trim();
        if (s.IsEmpty)
        {
            return false;
        }

        var i = 0;
        var negative = false;
        if (s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            i = 1;
        }

        if (!TryDecimal(s, ref i, out var first))
        {
            return false;
        }

        SkipBlanks(s, ref i);
        if (i == s.Length)
        {
            value = negative ? -first : first;
            return true;
        }

        if (!TryUnit(s, ref i, out var perUnit))
        {
            return false;
        }

        var total = first * perUnit;
        SkipBlanks(s, ref i);
        if (i < s.Length && perUnit >= 60)
        {
            // "1h30", "1 h 30 min": minutes after the hours, with or without their unit.
            if (!TryDecimal(s, ref i, out var minutes))
            {
                return false;
            }

            SkipBlanks(s, ref i);
            if (i < s.Length && (!TryUnit(s, ref i, out var minuteUnit) || minuteUnit != 1))
            {
                return false;
            }

            SkipBlanks(s, ref i);
            total += minutes;
        }

        if (i != s.Length)
        {
            return false;
        }

        value = negative ? -total : total;
        return true;
    }

    /// <summary>The date <paramref name="cell"/> states (ISO, yyyy/MM/dd, dd/MM/yyyy, dd.MM.yyyy, or ISO with a time of day).</summary>
    public static bool TryDate(ReadOnlySpan<char> cell, out DateOnly date)
    {
        var s = cell.Trim();
        foreach (var format in DateFormats)
        {
            if (DateOnly.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                return true;
            }
        }

        if (s.Length > 10 && s[4] == '-' && s[10] is 'T' or ' ' && DateOnly.TryParseExact(s[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        date = default;
        return false;
    }

    /// <summary>A categorical value as it is compared: folded (case and accents) with inner blanks collapsed.</summary>
    public static string Category(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return string.Join(' ', TextFolder.Fold(cell.Trim()).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>True when <paramref name="cell"/> looks like an e-mail address.</summary>
    public static bool LooksLikeEmail(ReadOnlySpan<char> cell)
    {
        var s = cell.Trim();
        var at = s.IndexOf('@');
        return at > 0 && at < s.Length - 3 && s[(at + 1)..].Contains('.') && !s.Contains(' ');
    }

    /// <summary>
    /// True when <paramref name="cell"/> looks like a phone number: at least <see cref="Defaults.PhoneMinDigits"/>
    /// digits and nothing but digits, blanks, '+', '-', '.', '(' and ')', with a '+', a leading 0 or a separator.
    /// </summary>
    public static bool LooksLikePhone(ReadOnlySpan<char> cell)
    {
        var s = cell.Trim();
        int digits = 0, separators = 0;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is ' ' or '+' or '-' or '.' or '(' or ')')
            {
                separators++;
            }
            else
            {
                return false;
            }
        }

        // "2026-01-08" has 8 digits and two dashes: a date is not a phone number.
        return digits >= Defaults.PhoneMinDigits && (s[0] is '+' or '0' || separators >= 2) && !TryDate(s, out _);
    }

    /// <summary>
    /// "12", "1.5", "1,5" (decimal comma) and "1,234" (thousands: three digits after the comma, at most three before,
    /// no decimal point): exports from French or German CRMs write 1,5 hours, English ones 1,234 euros.
    /// </summary>
    private static bool TryDecimal(ReadOnlySpan<char> s, ref int i, out double value)
    {
        value = 0;
        var start = i;
        var digits = 0;
        var buffer = new System.Text.StringBuilder();
        var seenPoint = false;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                buffer.Append(c);
                digits++;
                i++;
            }
            else if ((c is '.' or ',') && !seenPoint && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]) && digits > 0)
            {
                var after = 0;
                while (i + 1 + after < s.Length && char.IsAsciiDigit(s[i + 1 + after]))
                {
                    after++;
                }

                var thousands = c == ',' && after == 3 && digits <= 3 && !s[(i + 1)..].Contains('.');
                if (!thousands)
                {
                    buffer.Append('.');
                    seenPoint = true;
                }

                i++;
            }
            else
            {
                break;
            }
        }

        return i > start && digits > 0 && double.TryParse(buffer.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>A duration unit at <paramref name="i"/>: the longest run of non-digit, non-blank chars, looked up folded.</summary>
    private static bool TryUnit(ReadOnlySpan<char> s, ref int i, out double minutesPerUnit)
    {
        var start = i;
        while (i < s.Length && !char.IsAsciiDigit(s[i]) && !char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        var unit = TextFolder.Fold(s[start..i].ToString());
        return Units.TryGetValue(unit, out minutesPerUnit) || (unit.EndsWith('.') && Units.TryGetValue(unit[..^1], out minutesPerUnit));
    }

    private static void SkipBlanks(ReadOnlySpan<char> s, ref int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }
    }
}
