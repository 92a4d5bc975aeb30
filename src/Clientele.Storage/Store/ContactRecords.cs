namespace Clientele.Storage.Store;

/// <summary>
/// A contact an advisor logged with a client: the day, the channel, the outcome (free words such as
/// <c>reached</c>, <c>no_answer</c>, <c>appointment</c>, <c>purchase</c>; never note text), who logged it and when.
/// </summary>
public sealed record ContactRecord(string ClientId, DateOnly Date, string Channel, string Outcome, string? Advisor, string? KeyId, DateTimeOffset RecordedAt);

/// <summary>
/// One client's place in a worklist as of a date: <c>contact</c> (listed) or <c>control</c> (held out), with the rule
/// and action it had; the report compares the purchases that followed in each group.
/// </summary>
public sealed record AssignmentRecord(string ClientId, DateOnly AsOf, string Group, string Rule, string Action, DateOnly Due);
