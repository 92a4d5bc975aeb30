namespace Clientele.Core.Worklist;

/// <summary>One client's recorded place in a worklist: listed (<see cref="Control"/> false) or held out, as of a date.</summary>
public sealed record Assignment(string ClientId, DateOnly AsOf, bool Control, string Rule, string Action, DateOnly Due);
