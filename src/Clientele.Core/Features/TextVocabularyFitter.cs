using Clientele.Core.Lexicon;
using Clientele.Core.Profiles;

namespace Clientele.Core.Features;

/// <summary>
/// Learns the text channel's vocabulary on training clients: the grams seen in at least
/// <see cref="Defaults.MinTextDocumentFrequency"/> of them and in at most <see cref="FeaturizerOptions.MaxDocumentShare"/>,
/// none of a sensitive concept's words (unless the training includes them), ranked by their strongest association
/// with an outcome (n·r², r the correlation of "mentions the gram" with the outcome: Pearson's χ² for a binary
/// outcome) when outcomes are given, else by document frequency, and capped at the tier's
/// <see cref="FeaturizerOptions.MaxTextGrams"/>.
/// </summary>
/// <remarks>
/// Why a supervised cap rather than hashing or every gram: a forest over thousands of sparse columns is slow and
/// rarely splits on a rare one, while the words that matter to a maison (its product lines) are few and strongly
/// associated with the outcomes. Ranking by frequency alone would keep the template words of twelve languages and
/// miss a line name written in one script.
/// </remarks>
internal static class TextVocabularyFitter
{
    private sealed class Stats(int targets)
    {
        public int Df;
        public readonly int[] N = new int[targets];
        public readonly double[] Sum = new double[targets];
    }

    public static Featurizer.TextGram[] Fit(FeaturizerOptions options, IReadOnlyList<ClientProfile> profiles, ConceptLexicon lexicon, TextSupervision? supervision)
    {
        // A client known only from transactions has no notes, hence no token texts: any noted client's builder names them.
        var texts = profiles.Select(p => p.TokenTexts).FirstOrDefault(t => t is not null);
        if (options.MaxTextGrams <= 0 || texts is null)
        {
            return [];
        }

        var targets = supervision?.Outcomes.Count ?? 0;
        var rows = Enumerable.Range(0, profiles.Count).Where(i => supervision is null || supervision.Training[i]).ToArray();
        var stats = new Dictionary<ulong, Stats>();
        var counts = new Dictionary<ulong, int>();
        var labelled = new int[targets];
        var sum = new double[targets];
        var sumSq = new double[targets];
        foreach (var i in rows)
        {
            counts.Clear();
            TextGrams.Count(profiles[i].Tokens, counts);
            for (var t = 0; t < targets; t++)
            {
                if (supervision!.Outcomes[t][i] is { } y)
                {
                    labelled[t]++;
                    sum[t] += y;
                    sumSq[t] += y * y;
                }
            }

            foreach (var key in counts.Keys)
            {
                if (!stats.TryGetValue(key, out var s))
                {
                    stats[key] = s = new Stats(targets);
                }

                s.Df++;
                for (var t = 0; t < targets; t++)
                {
                    if (supervision!.Outcomes[t][i] is { } y)
                    {
                        s.N[t]++;
                        s.Sum[t] += y;
                    }
                }
            }
        }

        var n = rows.Length;
        var maxDf = Math.Max(Defaults.MinTextDocumentFrequency, (int)Math.Floor(options.MaxDocumentShare * n));
        var sensitive = options.IncludeSensitive ? null : SensitiveGrams.Of(lexicon);
        var ranked = stats
            .Where(kv => kv.Value.Df >= Defaults.MinTextDocumentFrequency && kv.Value.Df <= maxDf && !(sensitive?.Contains(kv.Key) ?? false))
            .Select(kv => (kv.Key, kv.Value.Df, Score: targets == 0 ? kv.Value.Df : Association(kv.Value, labelled, sum, sumSq)))
            .OrderByDescending(x => x.Score)
            .ThenByDescending(x => x.Df)
            .ThenBy(x => x.Key)
            .Take(options.MaxTextGrams)
            .ToList();

        var wanted = ranked.Select(x => x.Key).ToHashSet();
        var found = new Dictionary<ulong, uint[]>();
        foreach (var i in rows)
        {
            TextGrams.Locate(profiles[i].Tokens, wanted, found);
            if (found.Count == wanted.Count)
            {
                break;
            }
        }

        return ranked
            .Where(x => found.ContainsKey(x.Key) && found[x.Key].All(texts.ContainsKey))
            .Select(x => new Featurizer.TextGram(found[x.Key].Select(t => texts[t]).ToArray(), (float)(Math.Log((1.0 + n) / (1.0 + x.Df)) + 1.0)))
            .ToArray();
    }

    /// <summary>The strongest n·r² over the outcomes between "mentions the gram" and the outcome.</summary>
    private static double Association(Stats s, int[] labelled, double[] sum, double[] sumSq)
    {
        double best = 0;
        for (var t = 0; t < labelled.Length; t++)
        {
            var n = labelled[t];
            var d = s.N[t];
            if (d == 0 || d >= n)
            {
                continue;
            }

            var mean = sum[t] / n;
            var variance = (sumSq[t] / n) - (mean * mean);
            if (!(variance > 0))
            {
                continue;
            }

            var share = (double)d / n;
            var diff = (s.Sum[t] / d) - mean;
            best = Math.Max(best, n * share * diff * diff / ((1 - share) * variance));
        }

        return best;
    }
}
