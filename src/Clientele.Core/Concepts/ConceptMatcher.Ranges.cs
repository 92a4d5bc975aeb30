using Clientele.Core.Text;

namespace Clientele.Core.Concepts;

/// <summary>Range expressions: one stated amount range is one match.</summary>
public sealed partial class ConceptMatcher
{
    // Words that join the two bounds of a range, folded, in the 12 languages' usual spellings.
    private static readonly HashSet<string> RangeWords = new(StringComparer.Ordinal)
    {
        "to", "and", "a", "bis", "und", "tot", "en", "y", "e", "et", "al", "do", "до", "и", "ate", "tra",
    };

    /// <summary>
    /// An amount alias ("10k") right after a number and a range joiner ("5-", "5 to ", "5 à ") is the upper bound
    /// of a range, not an amount of its own: with it "Budget 5-10K" also gave "budget 10-20K". When the range
    /// as a whole is an alias, leftmost-longest already took it; otherwise the range is classified by its lower
    /// bound with the upper bound's unit ("5" + "k"), and when even that is unknown the upper bound stays the one
    /// match. A lower bound that is itself a match ("5k-10k") keeps the range and the upper bound is dropped.
    /// </summary>
    private void FoldRanges(ReadOnlySpan<char> text, List<ConceptMatch> output, int from)
    {
        for (var k = from; k < output.Count; k++)
        {
            var m = output[k];
            if (!char.IsAsciiDigit(text[m.Start]))
            {
                continue;
            }

            var joiner = RangeJoinerBefore(text, SkipBlanksBack(text, m.Start));
            if (joiner < 0)
            {
                continue;
            }

            var lowEnd = SkipBlanksBack(text, joiner);
            if (k > from && output[k - 1].End == lowEnd && char.IsAsciiDigit(text[output[k - 1].Start]))
            {
                output.RemoveAt(k);
                k--;
                continue;
            }

            var lowStart = lowEnd;
            while (lowStart > 0 && (char.IsAsciiDigit(text[lowStart - 1]) || (text[lowStart - 1] is '.' or ',' && lowStart >= 2 && char.IsAsciiDigit(text[lowStart - 2]))))
            {
                lowStart--;
            }

            if (lowStart == lowEnd || !char.IsAsciiDigit(text[lowStart]) || (lowStart > 0 && char.IsLetterOrDigit(text[lowStart - 1])))
            {
                continue;
            }

            var upper = text[m.Start..m.End];
            var digits = 0;
            while (digits < upper.Length && (char.IsAsciiDigit(upper[digits]) || upper[digits] is '.' or ','))
            {
                digits++;
            }

            var candidate = TextFolder.Fold(string.Concat(text[lowStart..lowEnd], upper[digits..]));
            if (_byFoldedAlias.TryGetValue(candidate, out var low))
            {
                output[k] = new ConceptMatch(low.Concept, low.Alias, lowStart, m.End);
            }
        }
    }

    private static int SkipBlanksBack(ReadOnlySpan<char> text, int at)
    {
        while (at > 0 && text[at - 1] is ' ' or '\u00A0' or '\u3000')
        {
            at--;
        }

        return at;
    }

    /// <summary>Start of the range joiner ending at <paramref name="end"/> ("-", "–", "/", "~", or a joining word), or -1.</summary>
    private static int RangeJoinerBefore(ReadOnlySpan<char> text, int end)
    {
        if (end == 0)
        {
            return -1;
        }

        if (TextFolder.Fold(text[end - 1]) is '-' or '/' or '~' or '\u2212')
        {
            return end - 1;
        }

        var start = end;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        return start < end && start > 0 && text[start - 1] == ' ' && RangeWords.Contains(TextFolder.Fold(text[start..end].ToString()))
            ? start
            : -1;
    }
}
