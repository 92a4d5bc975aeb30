using System.Globalization;

namespace Clientele.Core.Ingest;

/// <summary>
/// How many rejected rows an input may have and still be used: none by default (a rejected row is an
/// error), a count ("25") or a share of the rows read ("0.5%"). Parsed from the CLI's <c>--max-bad-rows</c>
/// and the API's <c>max_bad_rows</c>.
/// </summary>
public readonly record struct RowAllowance
{
    private RowAllowance(long count, double percent)
    {
        Count = count;
        Percent = percent;
    }

    /// <summary>No rejected row is allowed: the default, so a broken file never passes silently.</summary>
    public static RowAllowance None { get; } = new(0, double.NaN);

    /// <summary>At most this many rejected rows (when <see cref="IsPercent"/> is false).</summary>
    public long Count { get; }

    /// <summary>At most this percentage of the rows read (when <see cref="IsPercent"/> is true).</summary>
    public double Percent { get; }

    /// <summary>True when the allowance is a share of the rows read rather than a count.</summary>
    public bool IsPercent => !double.IsNaN(Percent);

    /// <summary>An allowance of at most <paramref name="count"/> rejected rows.</summary>
    public static RowAllowance Rows(long count) =>
        count >= 0 ? new(count, double.NaN) : throw new ArgumentOutOfRangeException(nameof(count), "must be 0 or more");

    /// <summary>An allowance of at most <paramref name="percent"/>% of the rows read.</summary>
    public static RowAllowance Share(double percent) =>
        percent is >= 0 and <= 100 ? new(0, percent) : throw new ArgumentOutOfRangeException(nameof(percent), "must be between 0 and 100");

    /// <summary>Parses "N" or "N%"; false on anything else (negative, over 100%, not a number).</summary>
    public static bool TryParse(string? text, out RowAllowance allowance)
    {
        allowance = None;
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return false;
        }

        if (t.EndsWith('%'))
        {
            if (double.TryParse(t[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 100)
            {
                allowance = Share(p);
                return true;
            }

            return false;
        }

        if (long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            allowance = Rows(n);
            return true;
        }

        return false;
    }

    /// <summary>True when <paramref name="rejected"/> rejected rows out of <paramref name="rowsRead"/> are within the allowance.</summary>
    public bool Allows(long rejected, long rowsRead) =>
        rejected <= 0 || (IsPercent ? rejected <= Percent / 100.0 * rowsRead : rejected <= Count);

    /// <summary>"N" or "N%", as a user would write it.</summary>
    public override string ToString() =>
        IsPercent ? Percent.ToString(CultureInfo.InvariantCulture) + "%" : Count.ToString(CultureInfo.InvariantCulture);
}
