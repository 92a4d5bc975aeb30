using System.Runtime.CompilerServices;
using Clientele.Core.Lexicon;

namespace Clientele.Core.Features.Blocks;

/// <summary>
/// TF-IDF of the matched aliases' words, sublinear and L2-normalised like the concept terms. Three passes over the
/// client's matches instead of a dictionary: counts go into the (cleared) block, each distinct word's count is
/// turned into its weight once (stored negated to mark it done; weights are positive), then signs are restored
/// and normalised.
/// </summary>
internal sealed class WordBlock : IFeatureBlock
{
    private readonly Featurizer.Word[] _words;
    private readonly AliasWords _aliasWords;
    private readonly int[] _vocabularyOfWord;   // alias-word id → index in the vocabulary, or -1

    public WordBlock(Featurizer.Word[] words, AliasWords? aliasWords, ConceptLexicon lexicon)
    {
        _words = words;
        _aliasWords = aliasWords ?? new AliasWords(lexicon);
        _vocabularyOfWord = new int[_aliasWords.Texts.Length];
        Array.Fill(_vocabularyOfWord, -1);
        for (var w = 0; w < words.Length; w++)
        {
            // A saved word the lexicon no longer has cannot occur; the fingerprint check already guards the lexicon.
            if (_aliasWords.IdOf.TryGetValue(words[w].Text, out var id))
            {
                _vocabularyOfWord[id] = w;
            }
        }

        Columns = words.Select(w => new FeatureInfo("word:" + w.Text, FeatureKind.Word, new WordSubject(w.Text))).ToArray();
    }

    public IReadOnlyList<FeatureInfo> Columns { get; }

    /// <summary>Adds (vocabulary index, <paramref name="key"/>) for each vocabulary word of alias <paramref name="alias"/> of concept <paramref name="concept"/>.</summary>
    public void WordsOfAlias(int concept, int alias, int key, List<(int Word, int Key)> output)
    {
        foreach (var id in _aliasWords.Of(concept, alias))
        {
            if (_vocabularyOfWord[id] is var w and >= 0)
            {
                output.Add((w, key));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(in FeatureRow row, Span<float> destination)
    {
        var concepts = row.Concepts;
        var aliases = row.Aliases;
        var n = Math.Min(concepts.Count, aliases.Count);
        var words = _aliasWords;
        var vocabulary = _vocabularyOfWord;
        for (var i = 0; i < n; i++)
        {
            foreach (var id in words.Of(concepts[i], aliases[i]))
            {
                if (vocabulary[id] is var w and >= 0)
                {
                    destination[w] += 1;
                }
            }
        }

        double norm = 0;
        for (var i = 0; i < n; i++)
        {
            foreach (var id in words.Of(concepts[i], aliases[i]))
            {
                if (vocabulary[id] is var w and >= 0 && destination[w] > 0)
                {
                    var v = (float)((1.0 + Math.Log(destination[w])) * _words[w].Idf);
                    destination[w] = -v;
                    norm += v * v;
                }
            }
        }

        var inv = norm > 0 ? (float)(1.0 / Math.Sqrt(norm)) : 0f;
        for (var i = 0; i < n; i++)
        {
            foreach (var id in words.Of(concepts[i], aliases[i]))
            {
                if (vocabulary[id] is var w and >= 0 && destination[w] < 0)
                {
                    destination[w] = -destination[w] * inv;
                }
            }
        }
    }
}
