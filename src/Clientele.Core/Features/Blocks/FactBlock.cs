namespace Clientele.Core.Features.Blocks;

/// <summary>The facts stated in the notes: budget range (thousands), open-ended budget, age, each with a missing flag.</summary>
internal sealed class FactBlock() : NamedColumnsBlock(
    "fact:", FeatureKind.Fact, ["budget_low_k", "budget_high_k", "budget_mid_k", "budget_missing", "budget_open_ended", "age", "age_missing"],
    i => new FactSubject((FactColumn)i))
{
    public override void Write(in FeatureRow row, Span<float> destination)
    {
        var facts = row.Profile.Facts;
        if (facts.BudgetLowK is { } low)
        {
            var high = facts.BudgetHighK ?? low;
            destination[(int)FactColumn.BudgetLowK] = low;
            destination[(int)FactColumn.BudgetHighK] = high;
            destination[(int)FactColumn.BudgetMidK] = (low + high) / 2;
        }
        else
        {
            destination[(int)FactColumn.BudgetMissing] = 1;
        }

        destination[(int)FactColumn.BudgetOpenEnded] = facts.BudgetOpenEnded ? 1 : 0;
        if (facts.Age is { } age)
        {
            destination[(int)FactColumn.Age] = age;
        }
        else
        {
            destination[(int)FactColumn.AgeMissing] = 1;
        }
    }
}
