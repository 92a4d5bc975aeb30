namespace Clientele.Core.Concepts;

/// <summary>Facts stated in a note that concepts cannot carry: budget (in thousands) and age.</summary>
/// <param name="BudgetLowK">Lower bound of the stated budget, in thousands of the note's currency; null when no budget is stated.</param>
/// <param name="BudgetHighK">Upper bound of the stated budget, in thousands; equals <paramref name="BudgetLowK"/> for a single amount.</param>
/// <param name="BudgetOpenEnded">True when the budget was stated as a floor ("20K+", "at least 20K").</param>
/// <param name="Age">The first plausible age (16..110) stated in the note, usually the client's; null when none.</param>
public readonly record struct NoteFacts(float? BudgetLowK, float? BudgetHighK, bool BudgetOpenEnded, int? Age);
