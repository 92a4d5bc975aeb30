using System.Buffers;
using System.Runtime.CompilerServices;

namespace Clientele.Core.Facts;

/// <summary>
/// Cheap necessary conditions of the anchored age patterns: scanning a note with those patterns costs
/// microseconds, and most notes have no "Name, 63" shape, no title and no relation word at all. Each test is
/// looser than its pattern, so a true still runs the regex and a false is exact.
/// </summary>
internal static class AgePrefilters
{
    // The words of the age-word pattern, which ignores case; OrdinalIgnoreCase compares upper-case forms, which
    // unifies every case variant the regex does for these letters (none of them has a Kelvin- or Ångström-like
    // sign whose upper case differs), so the prefilter never rejects a note the regex would match.
    // The ASCII words go through one vectorised multi-string search. A set with non-ASCII words made that search an
    // Aho-Corasick walk with a dictionary per character, which cost about a sixth of all fact extraction, so the
    // non-ASCII words are found from one distinctive character each instead (AgeAnchors).
    private static readonly string[] AsciiAgeWordList =
        FactPatterns.AgeWordRows.Where(r => IsAscii(r[1])).Select(r => r[1]).ToArray();

    private static readonly SearchValues<string> AsciiAgeWords = SearchValues.Create(AsciiAgeWordList, StringComparison.OrdinalIgnoreCase);

    /// <summary>The age words holding a non-ASCII character.</summary>
    public static readonly string[] NonAsciiAgeWordList =
        FactPatterns.AgeWordRows.Where(r => !IsAscii(r[1])).Select(r => r[1]).ToArray();

    // Words the pattern lets run on ("возраст\w*"): after them, give up filtering rather than model \w.
    private static readonly HashSet<string> OpenEndedAgeWords =
        FactPatterns.AgeWordRows.Where(r => FactTable.Column(r, 2) == "open").Select(r => r[1]).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Every character equal under OrdinalIgnoreCase to the anchor of a non-ASCII age word (its table's anchor
    /// column, else its first non-ASCII character): an OrdinalIgnoreCase occurrence of such a word holds one of
    /// these characters, so scanning for them finds every occurrence the multi-string search found.
    /// </summary>
    public static readonly SearchValues<char> AgeAnchors = SearchValues.Create(CaseVariants(string.Concat(
        FactPatterns.AgeWordRows.Where(r => !IsAscii(r[1]))
            .Select(r => FactTable.Column(r, 3) is { Length: 1 } anchor ? anchor[0] : r[1].First(c => c >= 0x80)))));

    private static readonly string[] RelationWordList =
        FactPatterns.RelationWords.SelectMany(w => new[] { w, char.ToUpperInvariant(w[0]) + w[1..] }).ToArray();

    private static readonly SearchValues<string> RelationWords = SearchValues.Create(RelationWordList, StringComparison.Ordinal);

    private static readonly SearchValues<string> TitleWords = SearchValues.Create(FactPatterns.AgeTitles.ToArray(), StringComparison.Ordinal);

    /// <summary>Whether a note may hold "age 45" in any language.</summary>
    public static bool MayHaveAgeWord(string note) =>
        WordThenNumber(note, AsciiAgeWords, AsciiAgeWordList, StringComparison.OrdinalIgnoreCase) || AnchoredWordThenNumber(note);

    /// <summary>Whether a note may hold "Husband 58".</summary>
    public static bool MayHaveRelation(string note) => WordThenNumber(note, RelationWords, RelationWordList, StringComparison.Ordinal);

    /// <summary>Whether a note holds a title (the titled-name pattern is case-sensitive, so this is exact).</summary>
    public static bool MayHaveTitle(string note) => note.AsSpan().ContainsAny(TitleWords);

    /// <summary>
    /// True when a ',' or '(' is followed, after optional whitespace, by two ASCII digits: a necessary
    /// condition of the apposition pattern (<c>(?:,\s*|\(\s*)[0-9]{2}</c>).
    /// </summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool HasCommaThenTwoDigits(string note)
    {
        for (int i = note.AsSpan().IndexOfAnyInRange('0', '9'); i >= 0 && i + 1 < note.Length;)
        {
            if (char.IsAsciiDigit(note[i + 1]))
            {
                int j = i - 1;
                while (j >= 0 && char.IsWhiteSpace(note[j]))
                {
                    j--;
                }

                if (j >= 0 && note[j] is ',' or '(')
                {
                    return true;
                }
            }

            int next = note.AsSpan(i + 1).IndexOfAnyInRange('0', '9');
            i = next < 0 ? -1 : i + 1 + next;
        }

        return false;
    }

    /// <summary>
    /// False when the last non-space character of <paramref name="text"/> is ASCII and not a word character: a
    /// necessary condition of the not-age-before pattern, whose words all end in a letter or <c>\w*</c> before
    /// <c>\s*$</c> (non-ASCII characters are let through to the regex).
    /// </summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool EndsWithWordChar(ReadOnlySpan<char> text)
    {
        int i = text.Length - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }

        return i >= 0 && (text[i] >= 0x80 || char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_');
    }

    /// <summary>
    /// True when one of <paramref name="list"/> is followed, after any whitespace, colons and at most one age
    /// particle, by an ASCII digit: a necessary condition of the word-then-number age patterns.
    /// </summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool WordThenNumber(string note, SearchValues<string> words, string[] list, StringComparison comparison)
    {
        ReadOnlySpan<char> text = note;
        int from = 0;
        while (from < text.Length)
        {
            int at = text[from..].IndexOfAny(words);
            if (at < 0)
            {
                return false;
            }

            at += from;
            foreach (string word in list)
            {
                if (text[at..].StartsWith(word, comparison) && (OpenEndedAgeWords.Contains(word) || DigitFollows(text, at + word.Length)))
                {
                    return true;
                }
            }

            from = at + 1;
        }

        return false;
    }

    /// <summary>
    /// <see cref="WordThenNumber"/> for the non-ASCII age words: at each anchor character, every word that can hold it
    /// there is compared (OrdinalIgnoreCase) at each offset. Anchors are rare, so this costs one vectorised scan.
    /// </summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool AnchoredWordThenNumber(string note)
    {
        ReadOnlySpan<char> text = note;
        int from = 0;
        while (from < text.Length)
        {
            int at = text[from..].IndexOfAny(AgeAnchors);
            if (at < 0)
            {
                return false;
            }

            at += from;
            foreach (string word in NonAsciiAgeWordList)
            {
                for (int k = 0; k < word.Length && k <= at; k++)
                {
                    int start = at - k;
                    if (text[start..].StartsWith(word, StringComparison.OrdinalIgnoreCase)
                        && (OpenEndedAgeWords.Contains(word) || DigitFollows(text, start + word.Length)))
                    {
                        return true;
                    }
                }
            }

            from = at + 1;
        }

        return false;
    }

    private static bool DigitFollows(ReadOnlySpan<char> text, int i)
    {
        i = SkipSpacesAndColons(text, i);
        foreach (string particle in FactPatterns.AgeParticles)
        {
            if (text[i..].StartsWith(particle, StringComparison.OrdinalIgnoreCase))
            {
                int j = SkipSpacesAndColons(text, i + particle.Length);
                if (j < text.Length && char.IsAsciiDigit(text[j]))
                {
                    return true;
                }
            }
        }

        return i < text.Length && char.IsAsciiDigit(text[i]);
    }

    private static int SkipSpacesAndColons(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == ':'))
        {
            i++;
        }

        return i;
    }

    private static bool IsAscii(string word) => word.All(char.IsAscii);

    private static string CaseVariants(string chars)
    {
        var upper = chars.Select(char.ToUpperInvariant).ToHashSet();
        var all = new System.Text.StringBuilder();
        for (int c = 0; c <= char.MaxValue; c++)
        {
            if (upper.Contains(char.ToUpperInvariant((char)c)))
            {
                all.Append((char)c);
            }
        }

        return all.ToString();
    }
}
