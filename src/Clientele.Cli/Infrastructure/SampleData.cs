using System.Diagnostics;
using Clientele.Synthetic;
using Clientele.Storage.Files;

namespace Clientele.Cli.Infrastructure;

/// <summary>Writes generated notes.csv and labels.csv into a directory (the <c>generate</c> verb and the demo), and says so on stdout.</summary>
public static class SampleData
{
    /// <summary>Generates <paramref name="options"/> into <paramref name="directory"/>; both files are replaced atomically.</summary>
    public static void Write(GeneratorOptions options, string directory)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(directory);
        long notes = 0;
        AtomicFile.WriteText(Path.Combine(directory, "labels.csv"), labels =>
            AtomicFile.WriteText(Path.Combine(directory, "notes.csv"), w => notes = NotesGenerator.Write(options, w, labels)));
        CliIO.Out.WriteLine($"{options.Clients:N0} clients, {notes:N0} notes → {Path.Combine(directory, "notes.csv")} and labels.csv ({clock.Elapsed.TotalSeconds:0.0}s)");
    }
}
