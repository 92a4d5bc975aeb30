using System.Buffers;
using Clientele.Core.Concepts;
using Clientele.Core.Ingest;
using Clientele.Core.Lexicon;
using Clientele.Core.Profiles;
using Clientele.TestKit;
using Clientele.Workflows.Notes;

namespace Clientele.Workflows.Tests;

/// <summary>The detect workflow matches and renders notes in parallel batches and writes them in file order.</summary>
public sealed class DetectConceptsTests
{
    [Fact]
    public void Rows_over_several_chunks_equal_one_row_per_match_in_file_order_negated_ones_included()
    {
        // The generated notes state no negation; one hedged note in the last chunk carries a negated match.
        var text = NoteGenerator.Csv(5000, seed: 11, idPrefix: "D").TrimEnd('\n') + "\nD_9999,2025-06-01,30 min,FR,40,\"Pas fan de noir, elle cherche du rouge.\"\n";
        var notes = NotesCsv.ReadAll(new StringReader(text), "notes.csv", new IngestReport("notes.csv"));
        // Batches of 1,024 notes, at most 2 per core in flight: on 2 cores, more than twice that many batches.
        Assert.True(notes.Count > 8 * 1024, $"{notes.Count} notes: the test needs more than eight batches");
        var lexicon = LexiconCsv.LoadBuiltin();

        var written = new StringWriter();
        var found = DetectConcepts.Run(lexicon, notes, written);

        // The same rows written one note at a time, as the profile builder's match callback sees them.
        var rows = new ConceptRows(lexicon);
        var expectedBytes = new System.Buffers.ArrayBufferWriter<byte>();
        expectedBytes.Write(ConceptRows.HeaderLine);
        long matches = 0;
        var builder = new ProfileBuilder(ConceptMatcher.Build(lexicon)) { OnMatch = (note, m) => { rows.Append(expectedBytes, ConceptRows.ClientCell(note.ClientId), m); matches++; } };
        foreach (var note in notes)
        {
            builder.Add(note);
        }

        var expected = System.Text.Encoding.UTF8.GetString(expectedBytes.WrittenSpan);
        Assert.Equal(expected, written.ToString());
        Assert.Equal(matches, found.Matches);
        Assert.True(found.Matches > notes.Count, $"{found.Matches} matches");
        Assert.Contains(",true\n", written.ToString(), StringComparison.Ordinal);
        Assert.Equal(notes.Select(n => n.ClientId).Distinct().Count(), found.Clients);
        Assert.Equal(notes.Sum(n => (long)n.Text.Length), found.Chars);
        Assert.Equal(notes.Count, found.Notes);

        // The file path: the same rows as UTF-8 bytes, from notes that stream in (the reader is not a list).
        using var bytes = new MemoryStream();
        var streamed = DetectConcepts.Run(lexicon, ConceptMatcher.Build(lexicon), notes.Select(n => n), bytes);
        Assert.Equal(expectedBytes.WrittenSpan.ToArray(), bytes.ToArray());
        Assert.Equal(found, streamed);
    }
}
