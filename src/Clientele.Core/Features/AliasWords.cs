using Clientele.Core.Lexicon;
using Clientele.Core.Text;

namespace Clientele.Core.Features;

/// <summary>
/// The words of every alias of a lexicon, folded (lower case, accents removed) and numbered once: a match's
/// alias maps to its word ids without touching a string, so word features cost one array walk per match.
/// A word is a run of letters or digits; an alias in a script written without spaces is one word.
/// </summary>
internal sealed class AliasWords
{
    private readonly int[] _aliasStart;  // first flat alias ordinal of each concept
    private readonly int[] _wordStart;   // first entry in _wordIds of each flat alias (one extra at the end)
    private readonly int[] _wordIds;

    public AliasWords(ConceptLexicon lexicon)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var texts = new List<string>();
        var wordIds = new List<int>();
        var concepts = lexicon.Concepts;
        _aliasStart = new int[concepts.Count];
        var flat = 0;
        for (var c = 0; c < concepts.Count; c++)
        {
            _aliasStart[c] = flat;
            flat += concepts[c].Aliases.Count;
        }

        _wordStart = new int[flat + 1];
        flat = 0;
        foreach (var concept in concepts)
        {
            foreach (var alias in concept.Aliases)
            {
                _wordStart[flat++] = wordIds.Count;
                foreach (var word in Split(alias))
                {
                    if (!ids.TryGetValue(word, out var id))
                    {
                        id = texts.Count;
                        ids.Add(word, id);
                        texts.Add(word);
                    }

                    wordIds.Add(id);
                }
            }
        }

        _wordStart[flat] = wordIds.Count;
        _wordIds = wordIds.ToArray();
        Texts = texts.ToArray();
        IdOf = ids;
    }

    /// <summary>Every distinct word of the lexicon's aliases, by id.</summary>
    public string[] Texts { get; }

    /// <summary>The id of each word text.</summary>
    public IReadOnlyDictionary<string, int> IdOf { get; }

    /// <summary>The word ids of alias <paramref name="alias"/> of concept <paramref name="concept"/>, in order, repeats kept.</summary>
    public ReadOnlySpan<int> Of(int concept, int alias)
    {
        var flat = _aliasStart[concept] + alias;
        return _wordIds.AsSpan(_wordStart[flat], _wordStart[flat + 1] - _wordStart[flat]);
    }

    /// <summary>The folded words of one alias text.</summary>
    public static IEnumerable<string> Split(string alias)
    {
        var folded = TextFolder.Fold(alias);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && TextFolder.IsWordChar(folded[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return folded[start..i];
                start = -1;
            }
        }
    }
}
