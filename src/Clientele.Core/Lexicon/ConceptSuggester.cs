using System.Text;
using Clientele.Core.Concepts;
using Clientele.Core.Ingest;
using Clientele.Core.Text;

namespace Clientele.Core.Lexicon;

/// <summary>
/// Finds frequent 1–3-word phrases of the notes outside every concept match (words folded as the matcher folds;
/// each Han, Kana or Hangul character a word), drops grammar (<see cref="Defaults.SuggestMaxClientShare"/>), words
/// right after a title (client names: "Mme Laurent") and phrases a longer one subsumes, and ranks the rest by
/// clients — or, with an outcome per client, by the z-score of the smoothed log-odds ratio.
/// </summary>
public static class ConceptSuggester
{
    private static readonly HashSet<string> TitleWords = Titles.All.Select(t => TextFolder.Fold(t.Text).TrimEnd('.')).ToHashSet(StringComparer.Ordinal);

    /// <summary>The suggestions for <paramref name="notes"/>; <paramref name="outcome"/> gives a client's binary outcome (null: unknown) when outcomes are known.</summary>
    public static IReadOnlyList<ConceptSuggestion> Suggest(ConceptMatcher matcher, IEnumerable<Note> notes, Func<string, bool?>? outcome = null, int top = Defaults.SuggestTop)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        ArgumentNullException.ThrowIfNull(notes);
        var stats = new Dictionary<string, Stat>(StringComparer.Ordinal);
        var clientIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var clientIds = new List<string>();
        var clientsByLanguage = new Dictionary<string, int>(StringComparer.Ordinal);
        var matches = new List<ConceptMatch>();
        var scratch = new List<ConceptMatch>();
        var words = new List<(int Start, int End)>();
        foreach (var note in notes)
        {
            if (!clientIndex.TryGetValue(note.ClientId, out var client))
            {
                client = clientIds.Count;
                clientIndex.Add(note.ClientId, client);
                clientIds.Add(note.ClientId);
                if (note.Language is { } language)
                {
                    clientsByLanguage[language] = clientsByLanguage.GetValueOrDefault(language) + 1;
                }
            }

            matches.Clear();
            matcher.Match(note.Text, matches, scratch);
            var folded = TextFolder.Fold(note.Text);
            Words(folded, words);
            CountPhrases(folded, words, matches, note, client, stats);
        }

        var n = clientIds.Count;
        // Grammar is frequent among the clients of its own language: "the" is in a twelfth of a 12-language file.
        int MaxClients(Stat stat)
        {
            var of = stat.Languages.Count == 0 ? n : Math.Min(n, stat.Languages.Sum(l => clientsByLanguage.GetValueOrDefault(l)));
            return Math.Max(Defaults.SuggestMinClients, (int)(Defaults.SuggestMaxClientShare * of));
        }

        bool Grammar(string word) => stats.TryGetValue(word, out var s) && s.Clients > MaxClients(s);
        var kept = stats.Where(kv => kv.Value.Clients >= Defaults.SuggestMinClients && kv.Value.Clients <= MaxClients(kv.Value))
            .Where(kv =>
            {
                var parts = Tokens(kv.Key);
                return parts.Count == 1 || !(Grammar(parts[0]) || Grammar(parts[^1]));
            })
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var (phrase, stat) in kept.Where(kv => Tokens(kv.Key).Count > 1).ToList())
        {
            foreach (var sub in SubPhrases(phrase))
            {
                if (kept.TryGetValue(sub, out var s) && stat.Clients >= Defaults.SuggestSubsumedShare * s.Clients)
                {
                    s.Subsumed = true;
                }
            }
        }

        var outcomes = outcome is null ? null : clientIds.Select(outcome).ToArray();
        var positives = outcomes?.Count(o => o == true) ?? 0;
        var negatives = outcomes?.Count(o => o == false) ?? 0;
        return kept.Where(kv => !kv.Value.Subsumed)
            .Select(kv => Suggestion(kv.Key, kv.Value, clientIds, outcomes, positives, negatives))
            .OrderByDescending(s => s.Z is { } z ? Math.Abs(z) : s.Clients)
            .ThenByDescending(s => s.Clients)
            .ThenBy(s => s.Phrase, StringComparer.Ordinal)
            .Take(top)
            .ToList();
    }

    private static ConceptSuggestion Suggestion(string phrase, Stat stat, List<string> clientIds, bool?[]? outcomes, int positives, int negatives)
    {
        double? logOdds = null, z = null;
        if (outcomes is not null && positives > 0 && negatives > 0)
        {
            int a = 0, b = 0;
            foreach (var c in stat.ClientList)
            {
                a += outcomes[c] == true ? 1 : 0;
                b += outcomes[c] == false ? 1 : 0;
            }

            const double k = Defaults.SuggestPrior;
            logOdds = Math.Log((a + k) / (b + k)) - Math.Log((positives - a + k) / (negatives - b + k));
            z = logOdds / Math.Sqrt((1 / (a + k)) + (1 / (b + k)) + (1 / (positives - a + k)) + (1 / (negatives - b + k)));
        }

        return new ConceptSuggestion(phrase, stat.Clients, stat.Notes, stat.Languages.Order(StringComparer.Ordinal).ToArray(),
            stat.ClientList.Take(5).Select(c => clientIds[c]).ToArray(), logOdds, z);
    }

    /// <summary>The word spans of folded text: runs of word chars in spaced scripts, one char each in Han, Kana and Hangul.</summary>
    private static void Words(string folded, List<(int Start, int End)> words)
    {
        words.Clear();
        var i = 0;
        while (i < folded.Length)
        {
            var c = folded[i];
            if (TextFolder.IsUnspacedScript(c))
            {
                words.Add((i, i + 1));
                i++;
            }
            else if (TextFolder.IsWordChar(c))
            {
                var s = i;
                while (i < folded.Length && TextFolder.IsWordChar(folded[i]) && !TextFolder.IsUnspacedScript(folded[i]))
                {
                    i++;
                }

                words.Add((s, i));
            }
            else
            {
                i++;
            }
        }
    }

    private static void CountPhrases(string folded, List<(int Start, int End)> words, List<ConceptMatch> matches, Note note, int client, Dictionary<string, Stat> stats)
    {
        var seenInNote = new HashSet<string>(StringComparer.Ordinal);
        var sb = new StringBuilder();
        for (var w = 0; w < words.Count; w++)
        {
            if (w > 0 && TitleWords.Contains(folded[words[w - 1].Start..words[w - 1].End]))
            {
                continue; // the word after a title is a name
            }

            sb.Clear();
            for (var len = 1; len <= 3 && w + len <= words.Count; len++)
            {
                var (start, end) = words[w + len - 1];
                if (len > 1 && !Joined(folded, words[w + len - 2].End, start))
                {
                    break;
                }

                if (Covered(matches, words[w].Start, end) || IsNumber(folded, start, end))
                {
                    break;
                }

                if (len > 1 && !TextFolder.IsUnspacedScript(folded[start]))
                {
                    sb.Append(' ');
                }

                sb.Append(folded, start, end - start);
                var phrase = sb.ToString();
                var tooShort = len == 1 && (TextFolder.IsUnspacedScript(folded[start]) || end - start < Defaults.SuggestMinWordLength);
                if (tooShort || !seenInNote.Add(phrase))
                {
                    continue;
                }

                if (!stats.TryGetValue(phrase, out var stat))
                {
                    stat = new Stat();
                    stats.Add(phrase, stat);
                }

                stat.Add(client, note.Language);
            }
        }
    }

    /// <summary>True when only blanks separate two words (a phrase never runs over punctuation).</summary>
    private static bool Joined(string folded, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (!char.IsWhiteSpace(folded[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Covered(List<ConceptMatch> matches, int start, int end)
    {
        foreach (var m in matches)
        {
            if (m.Start < end && start < m.End)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNumber(string folded, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!char.IsDigit(folded[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The contiguous shorter phrases of a 2- or 3-word phrase.</summary>
    private static IEnumerable<string> SubPhrases(string phrase)
    {
        var parts = Tokens(phrase);
        for (var len = 1; len < parts.Count; len++)
        {
            for (var s = 0; s + len <= parts.Count; s++)
            {
                yield return Join(parts, s, len);
            }
        }
    }

    /// <summary>The words of a phrase: blank-separated in spaced scripts, one char each in Han, Kana and Hangul.</summary>
    private static List<string> Tokens(string phrase)
    {
        var tokens = new List<string>(3);
        var words = new List<(int Start, int End)>();
        Words(phrase, words);
        foreach (var (start, end) in words)
        {
            tokens.Add(phrase[start..end]);
        }

        return tokens;
    }

    /// <summary>Words joined as <see cref="CountPhrases"/> joins them (a blank before a word of a spaced script).</summary>
    private static string Join(List<string> parts, int from, int count)
    {
        var sb = new StringBuilder(parts[from]);
        for (var i = from + 1; i < from + count; i++)
        {
            if (!TextFolder.IsUnspacedScript(parts[i][0]))
            {
                sb.Append(' ');
            }

            sb.Append(parts[i]);
        }

        return sb.ToString();
    }

    private sealed class Stat
    {
        private readonly HashSet<int> _clients = [];
        private int _lastClient = -1;

        public int Clients { get; private set; }

        public int Notes { get; private set; }

        public bool Subsumed { get; set; }

        public List<int> ClientList { get; } = [];

        public HashSet<string> Languages { get; } = new(StringComparer.Ordinal);

        public void Add(int client, string? language)
        {
            Notes++;
            if (language is not null)
            {
                Languages.Add(language);
            }

            if (client != _lastClient)
            {
                _lastClient = client;
                if (_clients.Add(client))
                {
                    ClientList.Add(client);
                    Clients++;
                }
            }
        }
    }
}
