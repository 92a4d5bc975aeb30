using Clientele.Core.Lexicon;
using Clientele.Core.Profiles;

namespace Clientele.Core.Features;

/// <summary>Learns a featurizer's state (vocabulary, idf, top pairs) from training profiles.</summary>
internal static class FeaturizerFitter
{
    public static Featurizer Fit(FeaturizerOptions options, IReadOnlyList<ClientProfile> profiles, ConceptLexicon lexicon, DateOnly? asOf, TextSupervision? supervision)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        // The vocabulary is learnt from what the features will see: the concepts the sensitivity mask lets through.
        var unmasked = new Featurizer(options, lexicon, [], [], null, []);
        var documentFrequency = new Dictionary<ulong, int>();
        var pairFrequency = new Dictionary<(int, int), int>();
        var counts = new Dictionary<ulong, int>();
        var distinct = new List<int>();
        foreach (var profile in profiles)
        {
            var (concepts, _) = unmasked.Unmasked(profile);
            counts.Clear();
            NgramKey.Count(concepts, options.MaxNgram, counts);
            foreach (var key in counts.Keys)
            {
                documentFrequency[key] = documentFrequency.GetValueOrDefault(key) + 1;
            }

            if (options.CooccurrencePairs > 0)
            {
                distinct.Clear();
                distinct.AddRange(concepts.Distinct().Order());
                for (var i = 0; i < distinct.Count; i++)
                {
                    for (var j = i + 1; j < distinct.Count; j++)
                    {
                        var pair = (distinct[i], distinct[j]);
                        pairFrequency[pair] = pairFrequency.GetValueOrDefault(pair) + 1;
                    }
                }
            }
        }

        var n = profiles.Count;
        var maxDf = Math.Max(options.MinDocumentFrequency, (int)Math.Floor(options.MaxDocumentShare * n));
        // Ties broken by the concept ids so the vocabulary never depends on dictionary order.
        var terms = documentFrequency
            .Where(kv => kv.Value >= options.MinDocumentFrequency && kv.Value <= maxDf)
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => TermId(kv.Key, lexicon), StringComparer.Ordinal)
            .Take(options.MaxTerms)
            .Select(kv => new Featurizer.Term(TermConcepts(kv.Key, lexicon), (float)(Math.Log((1.0 + n) / (1.0 + kv.Value)) + 1.0)))
            .ToArray();

        var pairs = pairFrequency
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => lexicon.Concepts[kv.Key.Item1].Id + "\u001f" + lexicon.Concepts[kv.Key.Item2].Id, StringComparer.Ordinal)
            .Take(options.CooccurrencePairs)
            .Select(kv => new[] { lexicon.Concepts[kv.Key.Item1].Id, lexicon.Concepts[kv.Key.Item2].Id })
            .ToArray();

        var aliasWords = options.MaxWords > 0 ? new AliasWords(lexicon) : null;
        var words = aliasWords is null ? [] : FitWords(options, profiles, aliasWords, maxDf, unmasked);
        var grams = TextVocabularyFitter.Fit(options, profiles, lexicon, supervision);
        asOf ??= profiles.Select(p => p.LastDate).Max();
        return new Featurizer(options, lexicon, terms, pairs, asOf, words, aliasWords, null, grams: grams);
    }

    /// <summary>The vocabulary of alias words: most clients first, ties by ordinal text, same df limits as terms.</summary>
    private static Featurizer.Word[] FitWords(FeaturizerOptions options, IReadOnlyList<ClientProfile> profiles, AliasWords aliasWords, int maxDf, Featurizer unmasked)
    {
        var documentFrequency = new int[aliasWords.Texts.Length];
        var lastSeen = new int[aliasWords.Texts.Length];
        Array.Fill(lastSeen, -1);
        for (var p = 0; p < profiles.Count; p++)
        {
            var (concepts, aliases) = unmasked.Unmasked(profiles[p]);
            for (var i = 0; i < concepts.Count && i < aliases.Count; i++)
            {
                foreach (var w in aliasWords.Of(concepts[i], aliases[i]))
                {
                    if (lastSeen[w] != p)
                    {
                        lastSeen[w] = p;
                        documentFrequency[w]++;
                    }
                }
            }
        }

        var n = profiles.Count;
        return Enumerable.Range(0, documentFrequency.Length)
            .Where(w => documentFrequency[w] >= options.MinDocumentFrequency && documentFrequency[w] <= maxDf)
            .OrderByDescending(w => documentFrequency[w])
            .ThenBy(w => aliasWords.Texts[w], StringComparer.Ordinal)
            .Take(options.MaxWords)
            .Select(w => new Featurizer.Word(aliasWords.Texts[w], (float)(Math.Log((1.0 + n) / (1.0 + documentFrequency[w])) + 1.0)))
            .ToArray();
    }

    private static string[] TermConcepts(ulong key, ConceptLexicon lexicon)
    {
        var length = NgramKey.Length(key);
        var ids = new string[length];
        for (var i = 0; i < length; i++)
        {
            ids[i] = lexicon.Concepts[NgramKey.At(key, i)].Id;
        }

        return ids;
    }

    private static string TermId(ulong key, ConceptLexicon lexicon) => string.Join('\u001f', TermConcepts(key, lexicon));
}
