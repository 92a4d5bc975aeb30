using System.Globalization;
using System.Text.RegularExpressions;
using Clientele.Core.Text;

namespace Clientele.Core.Occasions;

/// <summary>A trigger found in a note: the kind it names and where.</summary>
/// <param name="Start">Offset of its first character.</param>
/// <param name="End">Offset just past its last character (the whole word, for prefix triggers).</param>
/// <param name="Kind">The occasion kind.</param>
internal readonly record struct TriggerHit(int Start, int End, string Kind);

/// <summary>
/// Finds occasion trigger words in folded text, with the word boundaries of spaced scripts, Arabic clitics
/// ("لعيد ميلادها"), prefix triggers ("Geburtstag*") and a simple negation check ("not a birthday gift").
/// Overlapping triggers resolve to the one starting first, then the longest: "wedding anniversary" is not also
/// a wedding, and "anniversaire de mariage" is not also a birthday.
/// </summary>
internal sealed class TriggerFinder
{
    // A negation cue governs the trigger it sits right in front of ("pas pour un anniversaire"); further away it
    // is about something else.
    private const int NegationReach = 14;

    private readonly Dictionary<string, List<TriggerWord>> byPhrase = new(StringComparer.Ordinal);
    private readonly Dictionary<char, string[]> byFirstChar;
    private readonly List<TriggerWord> negations = [];
    private readonly List<TriggerWord> negationsAfter = [];
    private readonly List<string> clitics;

    // Triggers with a number in them ("turns {n}", "aura {n} ans", "{n}歳になる"): one regex, a group per phrase.
    private readonly List<TriggerWord> numbered = [];
    private readonly Regex? numberedPattern;

    public TriggerFinder(OccasionWords words)
    {
        clitics = words.Clitics.OrderByDescending(c => c.Length).ToList();
        foreach (var word in words.Triggers)
        {
            if (word.Folded.Length == 0)
            {
                continue;
            }

            if (word.Kind == "negation")
            {
                negations.Add(word);
                continue;
            }

            if (word.Kind == "negation_after")
            {
                negationsAfter.Add(word);
                continue;
            }

            if (word.Folded.Contains("{n}", StringComparison.Ordinal))
            {
                numbered.Add(word);
                continue;
            }

            if (!byPhrase.TryGetValue(word.Folded, out var list))
            {
                byPhrase[word.Folded] = list = [];
            }

            list.Add(word);
        }

        byFirstChar = byPhrase.Keys.GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.ToArray());
        if (numbered.Count > 0)
        {
            var number = @"(?:\d{1,3}|" + string.Join('|', words.Numerals.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape)) + ")";
            var parts = numbered.Select((w, i) =>
                $"(?<t{i.ToString(CultureInfo.InvariantCulture)}>" + DateFinder.Bounded(w.Folded, string.Join(number, w.Folded.Split("{n}").Select(p => Regex.Escape(p).Replace(@"\ ", @"\s+", StringComparison.Ordinal)))) + ")");
            // Interpreted, as the fact patterns (FactPatterns): compiling to IL at start cost more than short commands gained.
            numberedPattern = new Regex(string.Join('|', parts), RegexOptions.CultureInvariant);
        }
    }

    /// <summary>Non-negated triggers in text order; <paramref name="folded"/> is <paramref name="original"/> folded.</summary>
    public List<TriggerHit> Find(string original, string folded)
    {
        var candidates = new List<TriggerHit>();

        // One pass over the text, trying only the phrases that start with the character at hand: a few hundred
        // IndexOf scans per note cost ten times more.
        for (var at = 0; at < folded.Length; at++)
        {
            if (!byFirstChar.TryGetValue(folded[at], out var phrases))
            {
                continue;
            }

            var rest = folded.AsSpan(at);
            foreach (var phrase in phrases)
            {
                if (rest.StartsWith(phrase, StringComparison.Ordinal))
                {
                    var entries = byPhrase[phrase];
                    if (Matches(folded, phrase, at, entries.Exists(e => e.Prefix), out var end))
                    {
                        candidates.Add(new TriggerHit(at, end, Choose(entries, original, at).Kind));
                    }
                }
            }
        }

        if (numberedPattern is not null)
        {
            foreach (Match m in numberedPattern.Matches(folded))
            {
                var index = Enumerable.Range(0, numbered.Count).First(i => m.Groups["t" + i.ToString(CultureInfo.InvariantCulture)].Success);
                candidates.Add(new TriggerHit(m.Index, m.Index + m.Length, numbered[index].Kind));
            }
        }

        candidates.Sort((x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : (y.End - y.Start).CompareTo(x.End - x.Start));
        var kept = new List<TriggerHit>(candidates.Count);
        foreach (var hit in candidates)
        {
            if ((kept.Count == 0 || hit.Start >= kept[^1].End) && !Negated(folded, hit.Start) && !NegatedAfter(folded, hit.End))
            {
                kept.Add(hit);
            }
        }

        return kept;
    }

    /// <summary>True for a character that ends a sentence: a date across it belongs to another statement.</summary>
    internal static bool IsSentenceBreak(string folded, int i)
    {
        var c = folded[i];
        if (c is '!' or '?' or ';' or '\n' or '\r' or '|' or '。' or '！' or '？' or '；' or '؛' or '؟')
        {
            return true;
        }

        // "3. Juni" and "14.03." keep their dots; a dot followed by a space after a word ends a sentence.
        return c == '.' && (i + 1 == folded.Length || char.IsWhiteSpace(folded[i + 1])) && !(i > 0 && char.IsDigit(folded[i - 1]));
    }

    // When two languages fold a phrase alike ("aniversario" ES anniversary, "aniversário" PT birthday), the
    // accents of the original decide; without them the first listed wins.
    private static TriggerWord Choose(List<TriggerWord> entries, string original, int at)
    {
        if (entries.Count == 1)
        {
            return entries[0];
        }

        foreach (var e in entries)
        {
            if (at + e.Raw.Length <= original.Length && string.Equals(original.Substring(at, e.Raw.Length), e.Raw, StringComparison.OrdinalIgnoreCase))
            {
                return e;
            }
        }

        return entries[0];
    }

    private bool Matches(string folded, string phrase, int at, bool prefix, out int end)
    {
        end = at + phrase.Length;
        if (NeedsBoundary(phrase[0]) && at > 0 && !TextFolder.IsBoundary(folded[at - 1]) && !AfterClitic(folded, phrase, at))
        {
            return false;
        }

        if (prefix)
        {
            while (end < folded.Length && !TextFolder.IsBoundary(folded[end]))
            {
                end++;
            }

            return true;
        }

        return !NeedsBoundary(phrase[^1]) || end == folded.Length || TextFolder.IsBoundary(folded[end]);
    }

    // Arabic glues conjunctions, prepositions and the article to the word: "وعيد", "لعيد", "بالذكرى".
    private bool AfterClitic(string folded, string phrase, int at)
    {
        if (!IsArabic(phrase[0]))
        {
            return false;
        }

        foreach (var clitic in clitics)
        {
            var from = at - clitic.Length;
            if (from >= 0 && string.CompareOrdinal(folded, from, clitic, 0, clitic.Length) == 0 && (from == 0 || TextFolder.IsBoundary(folded[from - 1])))
            {
                return true;
            }
        }

        return false;
    }

    private bool Negated(string folded, int start)
    {
        var from = Math.Max(0, start - NegationReach - 8);
        foreach (var cue in negations)
        {
            for (var at = folded.IndexOf(cue.Folded, from, start - from, StringComparison.Ordinal); at >= 0; at = NextIndex(folded, cue.Folded, at + 1, start))
            {
                var end = at + cue.Folded.Length;
                if (end > start || start - end > NegationReach || !Matches(folded, cue.Folded, at, prefix: false, out _))
                {
                    continue;
                }

                var broken = false;
                for (var i = end; i < start && !broken; i++)
                {
                    broken = IsSentenceBreak(folded, i) || folded[i] == ',';
                }

                if (!broken)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Japanese and Korean negate after the noun phrase: "誕生日プレゼントではなく", "생일 선물이 아니라".
    private bool NegatedAfter(string folded, int end)
    {
        var window = folded.AsSpan(end, Math.Min(NegationReach, folded.Length - end));
        foreach (var cue in negationsAfter)
        {
            var at = window.IndexOf(cue.Folded.AsSpan(), StringComparison.Ordinal);
            if (at >= 0)
            {
                var broken = false;
                for (var i = end; i < end + at && !broken; i++)
                {
                    broken = IsSentenceBreak(folded, i) || folded[i] is ',' or '、';
                }

                if (!broken)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int NextIndex(string folded, string cue, int from, int limit) =>
        from >= limit ? -1 : folded.IndexOf(cue, from, limit - from, StringComparison.Ordinal);

    private static bool NeedsBoundary(char c) => char.IsLetter(c) && !TextFolder.IsUnspacedScript(c);

    private static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF';
}
