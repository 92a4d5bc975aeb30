namespace Clientele.Core.Features;

/// <summary>The stated-fact columns, in column order; a <c>…Missing</c> column flags that the fact was not stated.</summary>
public enum FactColumn
{
    BudgetLowK,
    BudgetHighK,
    BudgetMidK,
    BudgetMissing,
    BudgetOpenEnded,
    Age,
    AgeMissing,
}
