using System.Diagnostics;
using Clientele.Synthetic;
using Clientele.Storage.Files;

namespace Clientele.Cli.Infrastructure;

/// <summary>
/// Writes generated notes.csv, labels.csv, (unless asked not to) transactions.csv and, for the maison scenario,
/// lines-overlay.csv into a directory (the
/// <c>generate</c> verb and the demo), and says so on stdout.
/// </summary>
public static class SampleData
{
    /// <summary>File name of the generated notes.</summary>
    public const string NotesFile = "notes.csv";

    /// <summary>File name of the generated labels.</summary>
    public const string LabelsFile = "labels.csv";

    /// <summary>File name of the generated purchase history.</summary>
    public const string TransactionsFile = "transactions.csv";

    /// <summary>File name of the maison scenario's lexicon overlay of its product lines.</summary>
    public const string LinesOverlayFile = "lines-overlay.csv";

    /// <summary>
    /// Generates <paramref name="options"/> into <paramref name="directory"/>, with the purchase history when
    /// <paramref name="transactions"/>; every file is replaced atomically. Returns the paths written.
    /// </summary>
    public static SampleFiles Write(GeneratorOptions options, string directory, bool transactions = true)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(directory);
        var files = new SampleFiles(Path.Combine(directory, NotesFile), Path.Combine(directory, LabelsFile),
            transactions ? Path.Combine(directory, TransactionsFile) : null, options.AsOf);
        GeneratedCounts? counts = null;
        AtomicFile.WriteText(files.Labels, labels =>
            AtomicFile.WriteText(files.Notes, notes =>
            {
                if (files.Transactions is null)
                {
                    counts = NotesGenerator.Write(options, notes, labels, null);
                }
                else
                {
                    AtomicFile.WriteText(files.Transactions, t => counts = NotesGenerator.Write(options, notes, labels, t));
                }
            }));
        var overlay = string.Empty;
        if (options.Scenario == GeneratorScenario.Maison)
        {
            AtomicFile.WriteText(Path.Combine(directory, LinesOverlayFile), NotesGenerator.WriteMaisonLinesOverlay);
            overlay = $", {LinesOverlayFile} (its product lines as a lexicon overlay)";
        }

        var c = counts!;
        var history = files.Transactions is null ? ""
            : $", {c.Transactions:N0} transactions as of {c.AsOf:yyyy-MM-dd} ({c.NotesOnlyClients:N0} clients only in notes, {c.TransactionsOnlyClients:N0} only in transactions)";
        CliIO.Out.WriteLine($"{c.Clients:N0} clients, {c.Notes:N0} notes{history}{overlay} → {directory} ({clock.Elapsed.TotalSeconds:0.0}s)");
        return files;
    }
}
