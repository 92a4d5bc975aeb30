using Clientele.Core.Lexicon;

namespace Clientele.Core.Features;

/// <summary>
/// The grams the text channel never keeps by default: every gram of a sensitive concept's aliases
/// (<see cref="SensitivityMask"/>), and in spaced scripts every 2-gram with one of their words, so "nut allergy"
/// leaves no "severe nut" behind. A common word that is also such an alias word ("free" of "gluten-free") is dropped
/// too: a word that can tell health apart is not worth the risk.
/// </summary>
internal sealed class SensitiveGrams
{
    private readonly HashSet<ulong> _grams = [];
    private readonly HashSet<uint> _words = [];

    private SensitiveGrams()
    {
    }

    public static SensitiveGrams Of(ConceptLexicon lexicon)
    {
        var result = new SensitiveGrams();
        var mask = SensitivityMask.For(lexicon, includeSensitive: false);
        var tokens = new List<uint>();
        var counts = new Dictionary<ulong, int>();
        for (var c = 0; c < lexicon.Concepts.Count; c++)
        {
            if (!mask.IsMasked(c))
            {
                continue;
            }

            foreach (var alias in lexicon.Concepts[c].Aliases)
            {
                tokens.Clear();
                counts.Clear();
                NoteTokens.Append(alias, tokens, skipNames: false);
                TextGrams.Count(tokens, counts);
                result._grams.UnionWith(counts.Keys);
                result._words.UnionWith(tokens.Where(t => t != NoteTokens.Break && !NoteTokens.IsCharacter(t)));
            }
        }

        return result;
    }

    /// <summary>True when <paramref name="key"/> is a gram of a sensitive alias or a word 2-gram with one of their words.</summary>
    public bool Contains(ulong key)
    {
        if (_grams.Contains(key))
        {
            return true;
        }

        // A 1-gram key is the token; a 2-gram key is its two tokens side by side (a 3-gram read this way is noise).
        var first = (uint)(key >> 32);
        var second = (uint)key;
        return _words.Contains(second) || (first != 0 && _words.Contains(first));
    }
}
