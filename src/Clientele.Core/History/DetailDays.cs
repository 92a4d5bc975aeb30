namespace Clientele.Core.History;

/// <summary>
/// One client's purchase days in one extra column: each distinct (day, level) of its purchase rows, ascending by
/// day, so a share is read as of any date like every other purchase figure.
/// </summary>
/// <param name="Days"><see cref="DateOnly.DayNumber"/> of each entry, ascending.</param>
/// <param name="Levels">The level (index in <see cref="DetailColumn.Levels"/>) of each entry.</param>
internal readonly record struct DetailDays(int[] Days, int[] Levels)
{
    public static DetailDays Empty { get; } = new([], []);

    /// <summary>Entries on or before <paramref name="asOf"/>: the index just past the last of them.</summary>
    public int End(DateOnly asOf)
    {
        int lo = 0, hi = Days.Length;
        var day = asOf.DayNumber;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Days[mid] <= day)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
