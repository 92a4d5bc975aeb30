using System.Globalization;
using System.Text;
using Clientele.Core.Features;
using Clientele.Core.Profiles;
using Clientele.Core;

namespace Clientele.Core.Tests.Explanations;

/// <summary>
/// The string-keyed reason builder as it was before integer keys and sparse contributions, kept as the reference
/// the scorer's reasons must equal byte for byte.
/// Turns per-feature contributions into a few readable reasons: contributions of the features this client
/// actually has (its concepts, categories, stated facts, contact history) are summed per concept or
/// signal, and the strongest, with their sign, are named: "+ anniversary, + no-limit budget, − hesitant".
/// </summary>
internal sealed class LegacyReasonBuilder
{
    private readonly Featurizer _featurizer;
    private readonly string[][] _keys;

    // Per-feature facts precomputed once: the per-row loop runs over every feature of every row and target,
    // so string tests (EndsWith "_missing") and interface indexing there cost more than the arithmetic.
    private readonly bool[] _missingFlag;
    private readonly string?[] _category;     // the lexicon category of a Category feature, else null
    private readonly string[] _conceptCategory;
    private readonly string[] _conceptLabel;
    private readonly string?[] _word;         // the text of a Word feature, else null

    public LegacyReasonBuilder(Featurizer featurizer)
    {
        _featurizer = featurizer;
        var lexicon = featurizer.Lexicon;
        _keys = featurizer.Features.Select(f => f.Kind switch
        {
            FeatureKind.Term or FeatureKind.Pair => f.ConceptIds.Select(id => lexicon.Concepts[lexicon.IndexOf(id)].Label).Distinct().ToArray(),
            FeatureKind.Statistic or FeatureKind.Diversity or FeatureKind.Word => [],
            _ => [f.Display],
        }).ToArray();
        _missingFlag = featurizer.Features.Select(f => f.Name.EndsWith("_missing", StringComparison.Ordinal)).ToArray();
        _category = featurizer.Features.Select(f => f.Kind == FeatureKind.Category ? f.Display.Replace(' ', '_') : null).ToArray();
        _word = featurizer.Features.Select(f => f.Kind == FeatureKind.Word ? f.Display : null).ToArray();
        _conceptCategory = lexicon.Concepts.Select(c => c.Category).ToArray();
        _conceptLabel = lexicon.Concepts.Select(c => c.Label).ToArray();
    }

    private void WordLabels(ClientProfile profile, string word, List<string> labels)
    {
        labels.Clear();
        var concepts = _featurizer.Lexicon.Concepts;
        for (var i = 0; i < profile.Concepts.Count; i++)
        {
            var concept = concepts[profile.Concepts[i]];
            if (!labels.Contains(concept.Label) && AliasWords.Split(concept.Aliases[profile.Aliases[i]]).Contains(word))
            {
                labels.Add(concept.Label);
            }
        }
    }

    /// <summary>The top <paramref name="count"/> reasons for one client's score on one target.</summary>
    public string Build(ReadOnlySpan<float> contributions, ReadOnlySpan<float> features, ClientProfile profile, int count = Defaults.ReasonsPerScore)
    {
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        List<string>? categoryKeys = null;
        var n = Math.Min(_keys.Length, contributions.Length);
        for (var j = 0; j < n; j++)
        {
            var c = contributions[j];
            // Only what the client has: the absence of a concept is not a reason a person can act on.
            // Missing-fact flags explain nothing a person can act on; a fact or history value counts when stated.
            if (c == 0 || features[j] == 0 || _missingFlag[j])
            {
                continue;
            }

            // A category's weight goes to the client's own concepts of that category, so reasons name concepts.
            // A word's weight goes to the client's concepts matched through an alias containing that word.
            if (_category[j] is not null || _word[j] is not null)
            {
                categoryKeys ??= [];
                if (_category[j] is { } category)
                {
                    CategoryLabels(profile, category, categoryKeys);
                }
                else
                {
                    WordLabels(profile, _word[j]!, categoryKeys);
                }

                if (categoryKeys.Count == 0)
                {
                    continue;
                }

                var categoryShare = c / categoryKeys.Count;
                foreach (var key in categoryKeys)
                {
                    sums[key] = sums.GetValueOrDefault(key) + categoryShare;
                }

                continue;
            }

            var keys = _keys[j];
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

        // Keys are distinct, so this total order picks exactly what a stable sort by |value| then key would.
        var top = new List<KeyValuePair<string, double>>(sums.Count);
        foreach (var kv in sums)
        {
            if (Math.Abs(kv.Value) > 1e-6)
            {
                top.Add(kv);
            }
        }

        top.Sort(static (a, b) =>
        {
            var byWeight = Math.Abs(b.Value).CompareTo(Math.Abs(a.Value));
            return byWeight != 0 ? byWeight : string.CompareOrdinal(a.Key, b.Key);
        });
        var sb = new StringBuilder();
        for (var i = 0; i < top.Count && i < count; i++)
        {
            var (key, value) = top[i];
            if (sb.Length > 0)
            {
                sb.Append(", ");
            }

            sb.Append(value > 0 ? "+ " : "− ").Append(Describe(key, profile));
        }

        return sb.ToString();
    }

    /// <summary>Distinct labels of the client's concepts in <paramref name="category"/>, into <paramref name="labels"/>.</summary>
    private void CategoryLabels(ClientProfile profile, string category, List<string> labels)
    {
        labels.Clear();
        foreach (var i in profile.Concepts)
        {
            if (string.Equals(_conceptCategory[i], category, StringComparison.Ordinal))
            {
                var label = _conceptLabel[i];
                if (!labels.Contains(label))
                {
                    labels.Add(label);
                }
            }
        }
    }

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
