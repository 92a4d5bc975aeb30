using System.Buffers;

namespace Clientele.Core.Concepts;

/// <summary>Negation and hedges: a concept mentioned is not a concept held.</summary>
public sealed partial class ConceptMatcher
{
    // Clause ends: a negation does not reach past them ("doesn't like red, loves black").
    private static readonly SearchValues<char> ClauseStops = SearchValues.Create(".;:!?,\n\r。，、！？；：");

    [ThreadStatic]
    private static List<ConceptMatch>? t_cues;

    [ThreadStatic]
    private static List<ConceptMatch>? t_cueScratch;

    /// <summary>
    /// Flags matches governed by a cue of <see cref="Lexicon.NegationCues"/>: a "before" cue ending at most its
    /// window of characters before the alias, an "after" cue (Japanese, Korean) starting at most its window after
    /// it, with no clause stop and no contrast word ("but", "mais") in between; an alias inside a cue ("aime" in
    /// "n'aime pas") is negated too. A cue inside the alias is the alias's own wording ("no limit", "pas de
    /// limite") and negates nothing. Cues are found by a second automaton, run only on notes with a match.
    /// </summary>
    private void MarkNegated(ReadOnlySpan<char> text, List<ConceptMatch> output, int from)
    {
        if (_cueMatcher is null || _cues is null || output.Count == from)
        {
            return;
        }

        var cues = t_cues ??= [];
        var scratch = t_cueScratch ??= [];
        cues.Clear();
        _cueMatcher.Match(text, cues, scratch);
        if (cues.Count == 0)
        {
            return;
        }

        for (var k = from; k < output.Count; k++)
        {
            if (IsNegated(text, output[k], cues))
            {
                output[k] = output[k] with { Negated = true };
            }
        }
    }

    private bool IsNegated(ReadOnlySpan<char> text, ConceptMatch m, List<ConceptMatch> cues)
    {
        var before = _cues!.BeforeWindow;
        var after = _cues.AfterWindow;
        foreach (var c in cues)
        {
            var i = c.ConceptIndex;
            if (_cues.IsBreak[i] || (c.Start >= m.Start && c.End <= m.End))
            {
                continue;
            }

            if (m.Start >= c.Start && m.End <= c.End)
            {
                return true;
            }

            if (before[i] >= 0 && c.End <= m.Start && m.Start - c.End <= before[i] && Clear(text, c.End, m.Start, cues))
            {
                return true;
            }

            if (after[i] >= 0 && c.Start >= m.End && c.Start - m.End <= after[i] && Clear(text, m.End, c.Start, cues))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the gap between a cue and an alias holds no clause stop and no contrast word.</summary>
    private bool Clear(ReadOnlySpan<char> text, int from, int to, List<ConceptMatch> cues)
    {
        if (text[from..to].IndexOfAny(ClauseStops) >= 0)
        {
            return false;
        }

        foreach (var c in cues)
        {
            if (_cues!.IsBreak[c.ConceptIndex] && c.Start >= from && c.End <= to)
            {
                return false;
            }
        }

        return true;
    }
}
