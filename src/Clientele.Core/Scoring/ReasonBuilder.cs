using System.Globalization;
using System.Text;
using Clientele.Core.Features;
using Clientele.Core.Profiles;

namespace Clientele.Core.Scoring;

/// <summary>
/// Turns per-feature contributions into a few readable reasons: contributions of the features this client
/// actually has (its concepts, categories, stated facts, contact history) are summed per concept or
/// signal, and the strongest, with their sign, are named: "+ anniversary, + no-limit budget, − hesitant".
/// </summary>
public sealed class ReasonBuilder
{
    private readonly Featurizer _featurizer;
    private readonly string[][] _keys;

    public ReasonBuilder(Featurizer featurizer)
    {
        _featurizer = featurizer;
        var lexicon = featurizer.Lexicon;
        _keys = featurizer.Features.Select(f => f.Kind switch
        {
            FeatureKind.Term or FeatureKind.Pair => f.ConceptIds.Select(id => lexicon.Concepts[lexicon.IndexOf(id)].Label).Distinct().ToArray(),
            FeatureKind.Statistic or FeatureKind.Diversity => [],
            _ => [f.Display],
        }).ToArray();
    }

    /// <summary>The top <paramref name="count"/> reasons for one client's score on one target.</summary>
    public string Build(ReadOnlySpan<float> contributions, ReadOnlySpan<float> features, ClientProfile profile, int count = Defaults.ReasonsPerScore)
    {
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        var lexicon = _featurizer.Lexicon;
        for (var j = 0; j < _keys.Length && j < contributions.Length; j++)
        {
            var c = contributions[j];
            var feature = _featurizer.Features[j];
            // Only what the client has: the absence of a concept is not a reason a person can act on.
            // Missing-fact flags explain nothing a person can act on; a fact or history value counts when stated.
            var present = !IsMissingFlag(j) && features[j] != 0;
            if (c == 0 || !present)
            {
                continue;
            }

            // A category's weight goes to the client's own concepts of that category, so reasons name concepts.
            var keys = feature.Kind == FeatureKind.Category
                ? profile.Concepts.Select(i => lexicon.Concepts[i]).Where(x => x.Category == feature.Display.Replace(' ', '_')).Select(x => x.Label).Distinct().ToArray()
                : _keys[j];
            if (keys.Length == 0)
            {
                continue;
            }

            var share = c / keys.Length;
            foreach (var key in keys)
            {
                sums[key] = sums.GetValueOrDefault(key) + share;
            }
        }

        var top = sums.Where(kv => Math.Abs(kv.Value) > 1e-6)
            .OrderByDescending(kv => Math.Abs(kv.Value)).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(count);
        var sb = new StringBuilder();
        foreach (var (key, value) in top)
        {
            if (sb.Length > 0)
            {
                sb.Append(", ");
            }

            sb.Append(value > 0 ? "+ " : "− ").Append(Describe(key, profile));
        }

        return sb.ToString();
    }

    private bool IsMissingFlag(int j) => _featurizer.Features[j].Name.EndsWith("_missing", StringComparison.Ordinal);

    private static string Describe(string key, ClientProfile profile) => key switch
    {
        "stated budget" when profile.Facts.BudgetLowK is { } low => "budget " + Budget(low, profile.Facts.BudgetHighK, profile.Facts.BudgetOpenEnded),
        "age" when profile.Facts.Age is { } age => "age " + age.ToString(CultureInfo.InvariantCulture),
        _ => key,
    };

    private static string Budget(float low, float? high, bool open)
    {
        var text = low.ToString("0.#", CultureInfo.InvariantCulture) + "K";
        if (high is { } h && h > low)
        {
            text = low.ToString("0.#", CultureInfo.InvariantCulture) + "-" + h.ToString("0.#", CultureInfo.InvariantCulture) + "K";
        }

        return open ? text + "+" : text;
    }
}
