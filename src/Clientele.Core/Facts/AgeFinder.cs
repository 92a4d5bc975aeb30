using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Clientele.Core.Facts;

/// <summary>The first plausible age stated in a note: "45 ans", "aged 45", "Weber, 63,", "Husband 58".</summary>
internal static class AgeFinder
{
    private const int ContextWindow = 40;
    private const int MinAge = 16;
    private const int MaxAge = 110;

    /// <summary>The age stated first in the normalised <paramref name="note"/>, or null.</summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int? Find(string note)
    {
        int bestIndex = int.MaxValue;
        int? best = null;

        void Consider(int index, int age)
        {
            if (age is >= MinAge and <= MaxAge && index < bestIndex)
            {
                bestIndex = index;
                best = age;
            }
        }

        // Match/NextMatch rather than Matches: the same matches without a collection per pattern and note.
        for (Match m = FactPatterns.Regexes.AgeSuffix.Match(note); m.Success; m = m.NextMatch())
        {
            Group n = m.Groups["n"];
            if (!int.TryParse(n.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int age))
            {
                continue;
            }

            int from = Math.Max(0, n.Index - ContextWindow);
            ReadOnlySpan<char> before = note.AsSpan(from, n.Index - from);
            ReadOnlySpan<char> after = note.AsSpan()[(m.Index + m.Length)..Math.Min(note.Length, m.Index + m.Length + ContextWindow)];
            if ((AgePrefilters.EndsWithWordChar(before) && FactPatterns.Regexes.NotAgeBefore.IsMatch(before)) || FactPatterns.Regexes.NotAgeAfter.IsMatch(after))
            {
                continue;
            }

            // "30 years in banking" is tenure; bare "years" is only an age when nothing attaches it to an activity.
            if (m.Groups["bareyears"].Success && FactPatterns.Regexes.TenureAfter.IsMatch(after))
            {
                continue;
            }

            Consider(n.Index, age);
        }

        // These anchor the age on something other than an age word, so they need no duration filter.
        ConsiderAll(FactPatterns.Regexes.AgePrefix, AgePrefilters.MayHaveAgeWord(note));
        ConsiderAll(FactPatterns.Regexes.AgeApposition, AgePrefilters.HasCommaThenTwoDigits(note));
        ConsiderAll(FactPatterns.Regexes.AgeAfterTitledName, AgePrefilters.MayHaveTitle(note));
        ConsiderAll(FactPatterns.Regexes.AgeAfterRelation, AgePrefilters.MayHaveRelation(note));
        ConsiderAll(FactPatterns.Regexes.AgeApprox, true);
        return best;

        void ConsiderAll(Regex regex, bool mayMatch)
        {
            if (!mayMatch)
            {
                return;
            }

            for (Match m = regex.Match(note); m.Success; m = m.NextMatch())
            {
                Group n = m.Groups["n"];
                if (int.TryParse(n.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int age))
                {
                    Consider(n.Index, age);
                }
            }
        }
    }
}
