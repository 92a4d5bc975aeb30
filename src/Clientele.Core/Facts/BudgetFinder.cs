using System.Runtime.CompilerServices;

namespace Clientele.Core.Facts;

/// <summary>The client's stated budget: the amount linked to a budget word, else a lone amount with a unit.</summary>
internal static class BudgetFinder
{
    // A budget word and its amount are written close together; anything further is another fact.
    private const int MaxLinkDistance = 80;
    private const int MaxBackLinkDistance = 25;
    private const int ContextWindow = 40;

    /// <summary>A budget in thousands.</summary>
    public readonly record struct Budget(float LowK, float HighK, bool OpenEnded);

    /// <summary>The budget stated in the normalised <paramref name="note"/>, or null.</summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Budget? Find(string note)
    {
        var candidates = MoneyScanner.Candidates(note);
        if (candidates.Count == 0)
        {
            return null;
        }

        var words = new List<(int Start, int End)>();
        // Only where the words are is needed: value matches allocate nothing.
        foreach (System.Text.RegularExpressions.ValueMatch m in FactPatterns.Regexes.BudgetWord.EnumerateMatches(note))
        {
            words.Add((m.Index, m.Index + m.Length));
        }

        // Forward link first: every language in the sample writes the word before the amount.
        foreach (var (_, wordEnd) in words)
        {
            foreach (MoneyCandidate c in candidates)
            {
                if (c.Start < wordEnd)
                {
                    continue;
                }

                if (c.Start - wordEnd > MaxLinkDistance || Sentences.Crosses(note, wordEnd, c.Start))
                {
                    break;
                }

                if (IsExcluded(note, c))
                {
                    continue;
                }

                if (!c.HasUnit && !IsBareBudget(note, wordEnd, c))
                {
                    continue;
                }

                return ToBudget(note, c);
            }
        }

        // "25K budget", "3-5K的预算": amount just before the word.
        foreach (var (wordStart, _) in words)
        {
            for (int i = candidates.Count - 1; i >= 0; i--)
            {
                MoneyCandidate c = candidates[i];
                if (c.End > wordStart)
                {
                    continue;
                }

                if (wordStart - c.End > MaxBackLinkDistance || Sentences.Crosses(note, c.End, wordStart))
                {
                    break;
                }

                if (c.HasUnit && !IsExcluded(note, c))
                {
                    return ToBudget(note, c);
                }
            }
        }

        // Terse notes ("... Cognac 25K.") carry the amount with no budget word at all. When a budget word
        // is present but unlinked ("Budget flexible"), a stray amount is more likely a past purchase or a price.
        if (words.Count > 0)
        {
            return null;
        }

        foreach (MoneyCandidate c in candidates)
        {
            if (c.HasUnit && !IsExcluded(note, c))
            {
                return ToBudget(note, c);
            }
        }

        return null;
    }

    private static bool IsExcluded(string note, MoneyCandidate c)
    {
        int sentenceStart = Sentences.Start(note, c.Start);
        int from = Math.Max(sentenceStart, c.Start - ContextWindow);
        ReadOnlySpan<char> before = note.AsSpan()[from..c.Start];
        ReadOnlySpan<char> after = note.AsSpan()[c.End..Sentences.End(note, c.End, ContextWindow)];
        return FactPatterns.Regexes.NotMoneyAfter.IsMatch(after) || FactPatterns.Regexes.NotMoneyBefore.IsMatch(before);
    }

    private static bool IsBareBudget(string note, int wordEnd, MoneyCandidate c)
    {
        // Small unit-less numbers after a budget word are counts ("budget for 3 people"), not money.
        if (c.RawLow < 100)
        {
            return false;
        }

        // "Budget 2025" is a planning year far more often than a two-thousand budget.
        if (!c.IsRange && c.RawLow is >= 1900 and <= 2100 && c.RawLow == Math.Floor(c.RawLow))
        {
            return false;
        }

        ReadOnlySpan<char> gap = note.AsSpan()[wordEnd..c.Start];
        ReadOnlySpan<char> after = note.AsSpan()[c.End..Math.Min(note.Length, c.End + ContextWindow)];
        return FactPatterns.Regexes.FillerOnly.IsMatch(gap) && !FactPatterns.Regexes.NonMoneyUnitAfter.IsMatch(after);
    }

    private static Budget ToBudget(string note, MoneyCandidate c)
    {
        bool open = c.Open;
        if (!open && !c.IsRange)
        {
            int from = Math.Max(Sentences.Start(note, c.Start), c.Start - ContextWindow);
            open = FactPatterns.Regexes.OpenPrefix.IsMatch(note.AsSpan()[from..c.Start]);
        }

        return new Budget(RoundK(c.Low), RoundK(c.High), open);
    }

    // Division by 1000 leaves binary noise (1.5000000001); three decimals is one currency unit.
    private static float RoundK(double valueK) => (float)Math.Round(valueK, 3, MidpointRounding.AwayFromZero);
}
