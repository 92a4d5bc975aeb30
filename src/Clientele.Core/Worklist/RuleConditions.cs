using Clientele.Core.Occasions;

namespace Clientele.Core.Worklist;

/// <summary>
/// The <c>when</c> of a playbook rule: every condition given must hold (an absent one always holds). Ranges are
/// inclusive; a client without the measure (no purchases, no CLV model) never satisfies a range on it.
/// </summary>
public sealed record RuleConditions
{
    public IReadOnlyList<string> ValueSegments { get; init; } = [];

    public IReadOnlyList<string> RiskSegments { get; init; } = [];

    public NumberRange? Purchase { get; init; }

    public NumberRange? Churn { get; init; }

    public NumberRange? Clv { get; init; }

    public NumberRange? ProbabilityAlive { get; init; }

    public NumberRange? DaysSincePurchase { get; init; }

    public NumberRange? DaysSinceContact { get; init; }

    /// <summary>The client's notes mention at least one of these concept ids.</summary>
    public IReadOnlyList<string> ConceptsAny { get; init; } = [];

    /// <summary>The client's notes mention none of these concept ids.</summary>
    public IReadOnlyList<string> ConceptsNone { get; init; } = [];

    /// <summary>The stated budget's upper end in thousands.</summary>
    public NumberRange? BudgetK { get; init; }

    public NumberRange? Age { get; init; }

    public OccasionCondition? Occasion { get; init; }

    /// <summary>True when every condition holds; <paramref name="occasion"/> is the nearest matching occasion (when the rule asks for one).</summary>
    public bool Matches(WorklistClient client, DateOnly asOf, out Occasion? occasion, out DateOnly? occasionDate)
    {
        occasion = null;
        occasionDate = null;
        var s = client.Score;
        var ok = (ValueSegments.Count == 0 || ValueSegments.Contains(s.ValueSegment, StringComparer.OrdinalIgnoreCase))
            && (RiskSegments.Count == 0 || RiskSegments.Contains(s.RiskSegment, StringComparer.OrdinalIgnoreCase))
            && Holds(Purchase, s.PurchaseProb) && Holds(Churn, s.ChurnRisk) && Holds(Clv, s.PredictedClv)
            && Holds(ProbabilityAlive, client.ProbabilityAlive) && Holds(DaysSincePurchase, client.DaysSincePurchase)
            && Holds(DaysSinceContact, client.LastContact is { } c ? asOf.DayNumber - c.DayNumber : null)
            && (ConceptsAny.Count == 0 || ConceptsAny.Any(client.Concepts.Contains))
            && !ConceptsNone.Any(client.Concepts.Contains)
            && Holds(BudgetK, client.Facts.BudgetHighK ?? client.Facts.BudgetLowK) && Holds(Age, client.Facts.Age);
        if (!ok || Occasion is not { } wanted)
        {
            return ok;
        }

        foreach (var o in client.Occasions)
        {
            if ((wanted.Kinds.Count == 0 || wanted.Kinds.Contains(o.Kind, StringComparer.Ordinal)) && NextDate(o, asOf) is { } d
                && d.DayNumber - asOf.DayNumber <= wanted.WithinDays && (occasionDate is null || d < occasionDate))
            {
                occasion = o;
                occasionDate = d;
            }
        }

        return occasion is not null;
    }

    /// <summary>The occasion's next day on or after <paramref name="asOf"/>: a recurring one comes back every year, a one-off only on its date.</summary>
    public static DateOnly? NextDate(Occasion occasion, DateOnly asOf)
    {
        if (occasion.Date is not { } date)
        {
            return null;
        }

        if (!occasion.Recurring)
        {
            return date >= asOf ? date : null;
        }

        for (var year = asOf.Year; year <= asOf.Year + 1; year++)
        {
            var day = Math.Min(date.Day, DateTime.DaysInMonth(year, date.Month));
            var next = new DateOnly(year, date.Month, day);
            if (next >= asOf)
            {
                return next;
            }
        }

        return null;
    }

    private static bool Holds(NumberRange? range, double? value) => range is not { } r || r.Contains(value);
}
