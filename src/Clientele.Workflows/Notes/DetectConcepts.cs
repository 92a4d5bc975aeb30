using Clientele.Core.Concepts;
using Clientele.Core.Ingest;
using Clientele.Core.Lexicon;

namespace Clientele.Workflows.Notes;

/// <summary>Detects the concepts of every note and writes one concepts-CSV row per match (the <c>detect</c> verb, the bench's input for the reference).</summary>
public static class DetectConcepts
{
    /// <summary>
    /// Notes matched in parallel before their rows are written in file order. Detection needs only the matcher:
    /// building profiles (facts, the text channel's tokens) for output nobody reads took most of the command's time.
    /// </summary>
    private const int Chunk = 4096;

    /// <summary>Writes the header and every match of <paramref name="notes"/> to <paramref name="concepts"/>, negated ones included, note by note in file order.</summary>
    public static Detection Run(ConceptLexicon lexicon, IReadOnlyList<Note> notes, TextWriter concepts)
    {
        ArgumentNullException.ThrowIfNull(notes);
        long matches = 0;
        long chars = 0;
        var clients = new HashSet<string>(StringComparer.Ordinal);
        var csv = new ConceptsCsv(concepts, lexicon);
        csv.WriteHeader();
        var matcher = ConceptMatcher.Build(lexicon);
        var found = new List<ConceptMatch>[Math.Min(Chunk, notes.Count)];
        for (var start = 0; start < notes.Count; start += Chunk)
        {
            var count = Math.Min(Chunk, notes.Count - start);
            var first = start;
            Parallel.For(0, count, () => new List<ConceptMatch>(), (i, _, scratch) =>
            {
                var list = found[i] ??= [];
                list.Clear();
                matcher.Match(notes[first + i].Text, list, scratch);
                return scratch;
            }, _ => { });
            for (var i = 0; i < count; i++)
            {
                var note = notes[first + i];
                foreach (var m in found[i])
                {
                    csv.Write(note, m);
                }

                matches += found[i].Count;
                chars += note.Text.Length;
                clients.Add(note.ClientId);
            }
        }

        return new Detection(matches, chars, clients.Count);
    }
}
