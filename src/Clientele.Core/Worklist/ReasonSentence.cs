using Clientele.Core.Occasions;

namespace Clientele.Core.Worklist;

/// <summary>
/// The reason of a worklist row in one plain sentence, from the phrases of a language: the occasion that triggered
/// the rule, the stated preferences, the purchase probability, the churn risk when high, the value segment when top,
/// and the time since the last visit and purchase when long ("Birthday on 14 March; prefers black leather; 62 %
/// likely to buy; no visit for 97 days"). Never note text: only dates, concept labels and numbers.
/// </summary>
public static class ReasonSentence
{
    private static readonly string[] HighRisk = ["At Risk", "Critical"];

    /// <summary>The sentence for <paramref name="client"/>, whose rule matched <paramref name="occasion"/> (next on <paramref name="occasionDate"/>).</summary>
    public static string For(WorklistClient client, Occasion? occasion, DateOnly? occasionDate, DateOnly asOf, string language)
    {
        ArgumentNullException.ThrowIfNull(client);
        var parts = new List<string>();
        if (occasion is not null && occasionDate is { } date)
        {
            parts.Add(WorklistPhrases.Fill("occasion." + occasion.Kind, language, ("date", WorklistPhrases.Date(date, language))));
        }

        if (client.Preferences.Count > 0)
        {
            parts.Add(WorklistPhrases.Fill("prefers", language, ("items", string.Join(' ', client.Preferences.Take(Defaults.ReasonPreferences)))));
        }

        var score = client.Score;
        if (!double.IsNaN(score.PurchaseProb))
        {
            parts.Add(WorklistPhrases.Fill("likely", language, ("pct", WorklistPhrases.Percent(score.PurchaseProb, language))));
        }

        if (!double.IsNaN(score.ChurnRisk) && HighRisk.Contains(score.RiskSegment, StringComparer.Ordinal))
        {
            parts.Add(WorklistPhrases.Fill("churn", language, ("pct", WorklistPhrases.Percent(score.ChurnRisk, language))));
        }

        if (score.ValueSegment == "VIP")
        {
            parts.Add(WorklistPhrases.Fill("vip", language, ("segment", score.ValueSegment)));
        }

        if (client.LastContact is { } contact && asOf.DayNumber - contact.DayNumber is var visit && visit >= Defaults.ReasonNoVisitDays)
        {
            parts.Add(WorklistPhrases.Fill("no_visit", language, ("days", visit.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        if (client.DaysSincePurchase is { } days && days >= Defaults.ReasonNoPurchaseDays)
        {
            parts.Add(WorklistPhrases.Fill("no_purchase", language, ("days", days.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        var sentence = string.Join("; ", parts);
        return sentence.Length == 0 ? sentence : char.ToUpperInvariant(sentence[0]) + sentence[1..];
    }
}
