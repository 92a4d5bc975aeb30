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
    public static Detection Run(ConceptLexicon lexicon, IReadOnlyList<Note> notes, TextWriter concepts) =>
        Run(lexicon, ConceptMatcher.Build(lexicon), notes, concepts);

    /// <summary>
    /// As above with a matcher already built for <paramref name="lexicon"/>. The next chunk is matched on the pool
    /// while the rows of the one before are written.
    /// </summary>
    public static Detection Run(ConceptLexicon lexicon, ConceptMatcher matcher, IReadOnlyList<Note> notes, TextWriter concepts)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        ArgumentNullException.ThrowIfNull(notes);
        long matches = 0;
        long chars = 0;
        var clients = new HashSet<string>(StringComparer.Ordinal);
        var csv = new ConceptsCsv(concepts, lexicon);
        csv.WriteHeader();
        var size = Math.Min(Chunk, notes.Count);
        // Two sets of match lists: one being written while the other is filled.
        var buffers = new[] { new List<ConceptMatch>[size], new List<ConceptMatch>[size] };
        Task Match(int start) => Task.Run(() => Parallel.For(0, Math.Min(Chunk, notes.Count - start), () => new List<ConceptMatch>(), (i, _, scratch) =>
        {
            var list = buffers[start / Chunk % 2][i] ??= [];
            list.Clear();
            matcher.Match(notes[start + i].Text, list, scratch);
            return scratch;
        }, _ => { }));

        var pending = notes.Count > 0 ? Match(0) : Task.CompletedTask;
        for (var start = 0; start < notes.Count; start += Chunk)
        {
            pending.GetAwaiter().GetResult();
            var found = buffers[start / Chunk % 2];
            pending = start + Chunk < notes.Count ? Match(start + Chunk) : Task.CompletedTask;
            var count = Math.Min(Chunk, notes.Count - start);
            for (var i = 0; i < count; i++)
            {
                var note = notes[start + i];
                foreach (var m in found[i])
                {
                    csv.Write(note, m);
                }

                matches += found[i].Count;
                chars += note.Text.Length;
                clients.Add(note.ClientId);
            }
        }

        pending.GetAwaiter().GetResult();
        return new Detection(matches, chars, clients.Count);
    }
}
