using Clientele.Core.Concepts;
using Clientele.Core.Ingest;
using Clientele.Core.Lexicon;
using Clientele.Core.Profiles;

namespace Clientele.Workflows.Notes;

/// <summary>Detects the concepts of every note and writes one concepts-CSV row per match (the <c>detect</c> verb, the bench's input for the reference).</summary>
public static class DetectConcepts
{
    /// <summary>Writes the header and every match of <paramref name="notes"/> to <paramref name="concepts"/>.</summary>
    public static Detection Run(ConceptLexicon lexicon, IReadOnlyList<Note> notes, TextWriter concepts)
    {
        long matches = 0;
        long chars = 0;
        var clients = new HashSet<string>(StringComparer.Ordinal);
        var csv = new ConceptsCsv(concepts, lexicon);
        csv.WriteHeader();
        var builder = new ProfileBuilder(ConceptMatcher.Build(lexicon)) { OnMatch = (note, m) => { csv.Write(note, m); matches++; } };
        builder.AddRange(notes);
        foreach (var note in notes)
        {
            chars += note.Text.Length;
            clients.Add(note.ClientId);
        }

        return new Detection(matches, chars, clients.Count);
    }
}
