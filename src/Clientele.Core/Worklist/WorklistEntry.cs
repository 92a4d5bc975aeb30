namespace Clientele.Core.Worklist;

/// <summary>
/// One row of the worklist: whom to contact, the action (key and label), channel, priority and due date, the reason
/// in a sentence, the last contact and the days since the last purchase. <see cref="Control"/> rows are the held-out
/// group: recorded with the action they would have had, never shown to advisors.
/// </summary>
public sealed record WorklistEntry(
    string ClientId,
    string Advisor,
    string Rule,
    string Action,
    string ActionLabel,
    string Channel,
    int Priority,
    DateOnly Due,
    string Reason,
    DateOnly? LastContact,
    int? DaysSincePurchase,
    bool Control);
