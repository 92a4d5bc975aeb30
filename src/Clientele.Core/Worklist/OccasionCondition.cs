namespace Clientele.Core.Worklist;

/// <summary>A playbook condition on a dated occasion: one of <paramref name="Kinds"/> (any kind when empty) falling within <paramref name="WithinDays"/> days of the as-of date.</summary>
public sealed record OccasionCondition(IReadOnlyList<string> Kinds, int WithinDays);
