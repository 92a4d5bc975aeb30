using Clientele.Synthetic;

namespace Clientele.TestKit;

/// <summary>Files of the synthetic generator (<see cref="NotesGenerator"/>) laid in a directory, as a user would generate them.</summary>
public static class SyntheticNotes
{
    /// <summary>Writes <c>notes.csv</c> and <c>labels.csv</c> of <paramref name="clients"/> clients from <paramref name="seed"/> into <paramref name="dir"/> (UTF-8).</summary>
    public static void WriteFiles(string dir, int clients, int seed)
    {
        using var notes = new StreamWriter(Path.Combine(dir, "notes.csv"));
        using var labels = new StreamWriter(Path.Combine(dir, "labels.csv"));
        NotesGenerator.Write(new GeneratorOptions(clients, Seed: seed), notes, labels);
    }
}
