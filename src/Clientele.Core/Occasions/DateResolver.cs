namespace Clientele.Core.Occasions;

/// <summary>
/// Turns a stated day and month into a calendar date against an anchor (the note's date), with no clock:
/// the same note always resolves to the same dates.
/// </summary>
public static class DateResolver
{
    /// <summary>
    /// The first date with this month and day after <paramref name="anchor"/> (or on it, when
    /// <paramref name="inclusive"/>). 29 February falls on 28 February in years without one: a birthday is
    /// still celebrated in common years, and a reminder should not skip three of them.
    /// </summary>
    public static DateOnly NextOccurrence(int month, int day, DateOnly anchor, bool inclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        var candidate = InYear(anchor.Year, month, day);
        if (candidate < anchor || (!inclusive && candidate == anchor))
        {
            candidate = InYear(anchor.Year + 1, month, day);
        }

        return candidate;
    }

    /// <summary>The anchor moved by whole months, its month kept in 1..12 ("next month" from December is January).</summary>
    public static int MonthAfter(DateOnly anchor, int months) => ((((anchor.Month - 1 + months) % 12) + 12) % 12) + 1;

    /// <summary>The day in <paramref name="year"/>, clamped to the month's length (29 February → 28 February in common years).</summary>
    public static DateOnly InYear(int year, int month, int day) =>
        new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
}
