using System.Globalization;
using Clientele.Core.Ingest;
using Clientele.Synthetic;

namespace Clientele.Core.Tests.Concepts;

/// <summary>Notes from the synthetic generator, parsed like a real file: the realistic input the equivalence tests run on.</summary>
internal static class GeneratedNotes
{
    public static List<Note> Read(int clients, int seed)
    {
        var notes = new StringWriter(CultureInfo.InvariantCulture);
        NotesGenerator.Write(new GeneratorOptions(clients, Seed: seed), notes, new StringWriter(CultureInfo.InvariantCulture));
        using var reader = new StringReader(notes.ToString());
        return NotesCsv.ReadAll(reader, "generated", new IngestReport("generated"));
    }
}
