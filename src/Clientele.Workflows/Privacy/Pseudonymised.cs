using System.Text.RegularExpressions;
using Clientele.Core.Ingest;
using Clientele.Core.Privacy;
using Clientele.Core.Text;
using Clientele.Storage.Store;

namespace Clientele.Workflows.Privacy;

/// <summary>
/// Notes as they are stored when pseudonymisation is on: identifiers replaced by tokens, and with
/// <c>redactNames</c> the client's own name (as <see cref="DisplayNames"/> reads it from any of its notes) replaced
/// by <c>[name]</c> in every note of that client, so no display name is kept either.
/// </summary>
public static class Pseudonymised
{
    /// <summary>Token replacing a client's name.</summary>
    public const string NameToken = "[name]";

    /// <summary>Each note with <see cref="Pseudonymiser.Builtin"/> applied to its text (the same record when nothing changed).</summary>
    public static List<Note> Notes(IReadOnlyList<Note> notes) => Notes(notes, identifiers: true, redactNames: false);

    /// <summary>The notes with identifiers and, when asked, the client's names replaced by tokens.</summary>
    public static List<Note> Notes(IReadOnlyList<Note> notes, bool identifiers, bool redactNames)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var names = redactNames ? NameWords(notes) : null;
        var pseudonymiser = Pseudonymiser.Builtin;
        return notes.Select(n =>
        {
            var text = identifiers ? pseudonymiser.Apply(n.Text) : n.Text;
            if (names is not null && names.TryGetValue(n.ClientId, out var pattern))
            {
                text = pattern.Replace(text, NameToken);
            }

            return string.Equals(text, n.Text, StringComparison.Ordinal) ? n : n with { Text = text };
        }).ToList();
    }

    /// <summary>Per client, one pattern matching the words of every name its notes give it (titles left out).</summary>
    private static Dictionary<string, Regex> NameWords(IReadOnlyList<Note> notes)
    {
        var titles = Titles.All.Select(t => t.Text).OrderByDescending(t => t.Length).ToList();
        var words = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var note in notes)
        {
            foreach (var raw in DisplayNames.Guess(note.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var word = StripTitles(raw, titles);
                if (word.Length > 0 && !titles.Contains(word, StringComparer.OrdinalIgnoreCase))
                {
                    (words.TryGetValue(note.ClientId, out var set) ? set : words[note.ClientId] = new HashSet<string>(StringComparer.Ordinal)).Add(word);
                }
            }
        }

        // Whole words in cased scripts; CJK names stand glued to what follows (田中様), so no boundary there.
        return words.ToDictionary(w => w.Key, w => new Regex(
            string.Join('|', w.Value.OrderByDescending(x => x.Length).Select(x => x.Any(char.IsAsciiLetter) || x.Any(char.IsUpper) ? $@"(?<!\p{{L}}){Regex.Escape(x)}(?!\p{{L}})" : Regex.Escape(x))),
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), StringComparer.Ordinal);
    }

    private static string StripTitles(string word, IReadOnlyList<string> titles)
    {
        foreach (var title in titles)
        {
            if (word.Length > title.Length && word.EndsWith(title, StringComparison.Ordinal) && !char.IsAsciiLetter(title[0]))
            {
                return word[..^title.Length];
            }
        }

        return word.Trim('.', ',');
    }
}
