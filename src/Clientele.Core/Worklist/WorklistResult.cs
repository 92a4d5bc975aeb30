namespace Clientele.Core.Worklist;

/// <summary>
/// A worklist as of a date: the rows to show (<see cref="Listed"/>), the held-out control rows, and how many clients
/// were kept off by a recent contact, matched no rule, or had an action due later than the horizon.
/// </summary>
public sealed record WorklistResult(DateOnly AsOf, IReadOnlyList<WorklistEntry> Listed, IReadOnlyList<WorklistEntry> HeldOut)
{
    public int RecentlyContacted { get; init; }

    public int NoRule { get; init; }

    public int DueLater { get; init; }

    /// <summary>Every assignment, listed then held out (what is recorded for the report).</summary>
    public IEnumerable<WorklistEntry> All => Listed.Concat(HeldOut);
}
