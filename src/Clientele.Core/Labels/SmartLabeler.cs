using Clientele.Core.Lexicon;
using Clientele.Core.Profiles;

namespace Clientele.Core.Labels;

/// <summary>
/// Rule-based labels for a maison with no outcome data (DESIGN §6), computed from concept categories so
/// every language counts the same. Per client:
/// p = clip(0.30 + 0.30·no-limit budget + 0.25·luxury + 0.20·(gift or occasion) + 0.15·intent + 0.10·urgency
/// − 0.15·hesitation − 0.10·price-sensitive, 0.1, 0.95), then p += N(0, 0.05) clipped to [0.05, 0.95];
/// purchased ~ Bernoulli(p); churned ~ Bernoulli(1 − 0.8p);
/// CLV = max(500, 3000 + N(0, 1500) + 25000·no-limit + 12000·luxury + 5000·gift).
/// The draws come from <see cref="StableRandom"/>(seed, client id): same seed, same labels, in any order.
/// Because p and E[CLV] are known, the best possible accuracy, AUC and R² can be reported.
/// </summary>
public static class SmartLabeler
{
    public const string SourceName = "smart";

    public static LabelSet Label(IReadOnlyList<ClientProfile> profiles, ConceptLexicon lexicon, int seed = Defaults.Seed)
    {
        var labels = new Dictionary<string, ClientLabels>(profiles.Count, StringComparer.Ordinal);
        foreach (var profile in profiles)
        {
            labels[profile.ClientId] = LabelOne(profile, lexicon, seed);
        }

        return new LabelSet(SourceName, labels);
    }

    public static ClientLabels LabelOne(ClientProfile profile, ConceptLexicon lexicon, int seed)
    {
        var has = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in profile.Concepts)
        {
            has.Add(lexicon.Concepts[c].Category);
        }

        var noLimit = has.Contains(ConceptCategory.NoLimitBudget) || profile.Facts.BudgetOpenEnded && (profile.Facts.BudgetLowK ?? 0) >= 50;
        var luxury = has.Contains(ConceptCategory.Luxury);
        var gift = has.Contains(ConceptCategory.Gift) || has.Contains(ConceptCategory.Occasion);
        var score = 0.30
            + (noLimit ? 0.30 : 0)
            + (luxury ? 0.25 : 0)
            + (gift ? 0.20 : 0)
            + (has.Contains(ConceptCategory.Intent) ? 0.15 : 0)
            + (has.Contains(ConceptCategory.Urgency) ? 0.10 : 0)
            - (has.Contains(ConceptCategory.Hesitation) ? 0.15 : 0)
            - (has.Contains(ConceptCategory.PriceSensitive) ? 0.10 : 0);
        var random = new StableRandom(seed, profile.ClientId);
        var learnable = Math.Clamp(score, 0.1, 0.95);
        var p = Math.Clamp(learnable + (0.05 * random.NextGaussian()), 0.05, 0.95);
        var purchased = random.NextDouble() < p;
        var churned = random.NextDouble() < 1 - (0.8 * p);
        var expected = 3000.0 + (noLimit ? 25000 : 0) + (luxury ? 12000 : 0) + (gift ? 5000 : 0);
        var clv = Math.Max(500, expected + (1500 * random.NextGaussian()));
        return new ClientLabels(purchased, churned, clv, p, expected) { LearnablePurchaseProbability = learnable };
    }
}
