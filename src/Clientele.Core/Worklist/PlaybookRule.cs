namespace Clientele.Core.Worklist;

/// <summary>
/// One rule of a playbook: when <see cref="When"/> holds, propose <see cref="Action"/> over <see cref="Channel"/>
/// with <see cref="Priority"/> (1 first), due <see cref="DueDays"/> after the as-of date, or
/// <see cref="DueBeforeOccasion"/> days before the matched occasion (never before the as-of date).
/// </summary>
public sealed record PlaybookRule(string Id, string Action, string Channel, int Priority, RuleConditions When)
{
    public int DueDays { get; init; }

    public int? DueBeforeOccasion { get; init; }

    /// <summary>What the rule is for, in the maison's words (not shown to clients).</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The 1-based line of the rule in its file (0 for a rule built in code).</summary>
    public long Line { get; init; }
}
