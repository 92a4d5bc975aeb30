using System.Globalization;
using System.Runtime.CompilerServices;
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
    // Reasons are keyed by their text (a concept label or a feature's display). The texts are interned once into
    // integer keys, so the per-row loop sums into an array instead of hashing strings; a key's rank in ordinal
    // order breaks ties exactly as comparing the strings would.
    private readonly string[] _keyText;
    private readonly int[] _keyRank;
    private readonly int[][] _featureKeys;
    private readonly bool[] _missingFlag;      // missing-fact flags explain nothing a person can act on
    private readonly int[] _featureCategory;   // lexicon category id of a Category feature, else -1
    private readonly int[] _conceptCategory;
    private readonly int[] _conceptLabelKey;
    private readonly int[] _featureWord;       // index in the featurizer's words of a Word feature, else -1
    private readonly Featurizer _featurizer;

    public ReasonBuilder(Featurizer featurizer)
    {
        _featurizer = featurizer;
        var lexicon = featurizer.Lexicon;
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var texts = new List<string>();
        int Key(string text)
        {
            if (!keys.TryGetValue(text, out var id))
            {
                id = texts.Count;
                keys.Add(text, id);
                texts.Add(text);
            }

            return id;
        }

        var categories = new Dictionary<string, int>(StringComparer.Ordinal);
        int Category(string name) => categories.TryGetValue(name, out var id) ? id : categories[name] = categories.Count;

        _conceptLabelKey = lexicon.Concepts.Select(c => Key(c.Label)).ToArray();
        _conceptCategory = lexicon.Concepts.Select(c => Category(c.Category)).ToArray();
        _featureKeys = featurizer.Features.Select(f => f.Kind switch
        {
            FeatureKind.Term or FeatureKind.Pair => f.ConceptIds.Select(id => _conceptLabelKey[lexicon.IndexOf(id)]).Distinct().ToArray(),
            FeatureKind.Statistic or FeatureKind.Diversity or FeatureKind.Word => [],
            _ => [Key(f.Display)],
        }).ToArray();
        _featureWord = Enumerable.Range(0, featurizer.FeatureCount).Select(featurizer.WordOf).ToArray();
        _missingFlag = featurizer.Features.Select(f => f.Name.EndsWith("_missing", StringComparison.Ordinal)).ToArray();
        _featureCategory = featurizer.Features.Select(f => f.Kind == FeatureKind.Category ? Category(f.Display.Replace(' ', '_')) : -1).ToArray();
        _keyText = texts.ToArray();
        var byText = Enumerable.Range(0, _keyText.Length).ToArray();
        Array.Sort(byText, (a, b) => string.CompareOrdinal(_keyText[a], _keyText[b]));
        _keyRank = new int[_keyText.Length];
        for (var r = 0; r < byText.Length; r++)
        {
            _keyRank[byText[r]] = r;
        }
    }

    /// <summary>The top <paramref name="count"/> reasons for one client's score on one target.</summary>
    public string Build(ReadOnlySpan<float> contributions, ReadOnlySpan<float> features, ClientProfile profile, int count = Defaults.ReasonsPerScore)
    {
        var scratch = NewScratch();
        var n = Math.Min(_featureKeys.Length, contributions.Length);
        for (var j = 0; j < n; j++)
        {
            if (contributions[j] != 0 && features[j] != 0)
            {
                scratch.Candidates.Add((j, contributions[j]));
            }
        }

        var text = new StringBuilder();
        Append(scratch, text, profile, count);
        return text.ToString();
    }

    /// <summary>Buffers for <see cref="Append"/>, one per worker thread.</summary>
    internal ReasonScratch NewScratch() => new(_keyText.Length);

    /// <summary>Features the reasons can use (those a row's contributions may be read for).</summary>
    internal int FeatureCount => _featureKeys.Length;

    /// <summary>
    /// Appends the reasons for <paramref name="scratch"/>'s candidates (ascending feature index, each with a
    /// non-zero contribution and feature value) to <paramref name="sb"/>, and clears the candidates.
    /// </summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Append(ReasonScratch scratch, StringBuilder sb, ClientProfile profile, int count = Defaults.ReasonsPerScore)
    {
        scratch.Begin();
        foreach (var (j, c) in scratch.Candidates)
        {
            // Only what the client has (the caller passes present features only): the absence of a concept is not
            // a reason a person can act on. A fact or history value counts when stated.
            if (_missingFlag[j])
            {
                continue;
            }

            // A category's weight goes to the client's own concepts of that category, and a word's to the concepts
            // it was matched in, so reasons name concepts.
            var category = _featureCategory[j];
            var word = _featureWord[j];
            if (category >= 0 || word >= 0)
            {
                var conceptKeys = scratch.CategoryKeys;
                if (category >= 0)
                {
                    CategoryKeys(profile, category, conceptKeys);
                }
                else
                {
                    WordKeys(scratch, profile, word, conceptKeys);
                }

                if (conceptKeys.Count == 0)
                {
                    continue;
                }

                // float / int, then widened: the same arithmetic as the string-keyed version had.
                var conceptShare = c / conceptKeys.Count;
                foreach (var key in conceptKeys)
                {
                    scratch.Add(key, conceptShare);
                }

                continue;
            }

            var keys = _featureKeys[j];
            if (keys.Length == 0)
            {
                continue;
            }

            var share = c / keys.Length;
            foreach (var key in keys)
            {
                scratch.Add(key, share);
            }
        }

        scratch.Candidates.Clear();
        SelectTop(scratch, count);
        var first = true;
        foreach (var key in scratch.Top)
        {
            if (!first)
            {
                sb.Append(", ");
            }

            first = false;
            sb.Append(scratch.Sums[key] > 0 ? "+ " : "− ").Append(Describe(_keyText[key], profile));
        }
    }

    /// <summary>
    /// The <paramref name="count"/> keys of largest |sum| (above 1e-6), ties by ordinal text: keys are distinct, so
    /// this total order picks exactly the first items a stable sort by |value| then text would.
    /// </summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SelectTop(ReasonScratch scratch, int count)
    {
        var top = scratch.Top;
        top.Clear();
        for (var t = 0; t < scratch.TouchedCount; t++)
        {
            var key = scratch.Touched[t];
            if (!(Math.Abs(scratch.Sums[key]) > 1e-6))
            {
                continue;
            }

            var at = top.Count;
            while (at > 0 && Before(scratch.Sums, key, top[at - 1]))
            {
                at--;
            }

            if (at < count)
            {
                top.Insert(at, key);
                if (top.Count > count)
                {
                    top.RemoveAt(top.Count - 1);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Before(double[] sums, int a, int b)
    {
        var byWeight = Math.Abs(sums[b]).CompareTo(Math.Abs(sums[a]));
        return byWeight != 0 ? byWeight < 0 : _keyRank[a] < _keyRank[b];
    }

    /// <summary>Distinct label keys of the client's concepts in <paramref name="category"/>, into <paramref name="keys"/>.</summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CategoryKeys(ClientProfile profile, int category, List<int> keys)
    {
        keys.Clear();
        foreach (var i in profile.Concepts)
        {
            if (_conceptCategory[i] == category)
            {
                var key = _conceptLabelKey[i];
                if (!keys.Contains(key))
                {
                    keys.Add(key);
                }
            }
        }
    }

    /// <summary>Distinct label keys of the client's concepts matched through an alias containing <paramref name="word"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WordKeys(ReasonScratch scratch, ClientProfile profile, int word, List<int> keys)
    {
        var words = scratch.Words;
        if (!ReferenceEquals(scratch.WordsOf, profile))
        {
            words.Clear();
            var n = Math.Min(profile.Concepts.Count, profile.Aliases.Count);
            for (var i = 0; i < n; i++)
            {
                var concept = profile.Concepts[i];
                _featurizer.WordsOfAlias(concept, profile.Aliases[i], _conceptLabelKey[concept], words);
            }

            scratch.WordsOf = profile;
        }

        keys.Clear();
        foreach (var (w, key) in words)
        {
            if (w == word && !keys.Contains(key))
            {
                keys.Add(key);
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
