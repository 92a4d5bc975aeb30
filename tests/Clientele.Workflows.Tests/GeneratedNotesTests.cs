using Clientele.Core.Features;
using Clientele.Core.Ingest;
using Clientele.Core.Labels;
using Clientele.Core.Lexicon;
using Clientele.Core.Training;
using Clientele.Synthetic;
using Clientele.Workflows.Notes;
using Clientele.Workflows.Training;
using Clientele.Workflows.Versions;

namespace Clientele.Workflows.Tests;

/// <summary>
/// Tests of the workflows on generated notes: a temp directory holding notes.csv and labels.csv, a fixed clock, a
/// SQLite store path, and the read and training requests the CLI and the server make.
/// </summary>
public abstract class GeneratedNotesTests : IDisposable
{
    /// <summary>The fixed clock's time.</summary>
    protected static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    /// <summary>Generates <paramref name="clients"/> clients' notes and labels with <paramref name="seed"/>.</summary>
    protected GeneratedNotesTests(int clients, int seed)
    {
        using var notes = new StreamWriter(Dir.Of("notes.csv"));
        using var labels = new StreamWriter(Dir.Of("labels.csv"));
        NotesGenerator.Write(new GeneratorOptions(clients, Seed: seed), notes, labels);
    }

    protected TempDirectory Dir { get; } = new();

    protected FixedClock Clock { get; } = new(Now);

    protected string Db => "Data Source=" + Dir.Of("clientele.db");

    /// <summary>The generated notes read with the built-in lexicon; <paramref name="keepNotes"/>: false streams them.</summary>
    protected ProfilesRead Read(IDictionary<string, double> seconds, bool keepNotes = true) =>
        new ReadProfiles(Clock).Run(LexiconCsv.LoadBuiltin, new NotesInput(() => CsvInput.OpenText(File.OpenRead(Dir.Of("notes.csv"))), "notes.csv"),
            new Progress<string>(), seconds, onRead: null, keepNotes);

    /// <summary>A request to train <paramref name="tier"/> on <paramref name="read"/> with the generated labels, into <paramref name="place"/>.</summary>
    protected TrainVersionRequest TrainRequest(ProfilesRead read, Tier tier, BundlePlace place)
    {
        ArgumentNullException.ThrowIfNull(read);
        LabelSet labels;
        using (var reader = CsvInput.OpenText(File.OpenRead(Dir.Of("labels.csv"))))
        {
            labels = LabelsCsv.Read(reader, "labels.csv", new IngestReport("labels.csv"));
        }

        var training = new TrainModelsRequest(read.Profiles, read.Lexicon, labels, Holdout: null, new TrainingOptions { Tier = tier });
        return new TrainVersionRequest(training, "fingerprint", place);
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Dir.Dispose();
        }
    }
}
