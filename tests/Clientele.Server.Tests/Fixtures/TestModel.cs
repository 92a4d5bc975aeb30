using Clientele.Core.Bundles;
using Clientele.Core.Concepts;
using Clientele.Core.Evaluation;
using Clientele.Core.Features;
using Clientele.Core.Ingest;
using Clientele.Core.Labels;
using Clientele.Core.Profiles;
using Clientele.Core.Training;
using Clientele.Storage.Files;

namespace Clientele.Server.Tests.Fixtures;

/// <summary>
/// One small Fast model, trained once per test run on generated notes and saved to a temp directory;
/// every test server copies it. Training takes a few seconds, so it is shared, not repeated.
/// </summary>
public static class TestModel
{
    private static readonly Lazy<(string Dir, string Csv)> Trained = new(Train, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The notes CSV the model was trained on (300 clients).</summary>
    public static string NotesCsv => Trained.Value.Csv;

    /// <summary>The saved bundle directory (read-only: copy it before changing anything).</summary>
    public static string BundleDirectory => Trained.Value.Dir;

    /// <summary>Copies the bundle to <paramref name="root"/>/<paramref name="version"/> and returns that directory.</summary>
    public static string CopyTo(string root, string version)
    {
        var target = Path.Combine(root, version);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(BundleDirectory))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        return target;
    }

    private static (string, string) Train()
    {
        var csv = NoteGenerator.Csv(300);
        var lexicon = TestLexicon.Create();
        var notes = Core.Ingest.NotesCsv.ReadAll(new StringReader(csv), "fixture.csv", new IngestReport("fixture.csv"));
        var profiles = ProfileBuilder.FromNotes(ConceptMatcher.Build(lexicon), notes);
        var labels = SmartLabeler.Label(profiles, lexicon, 42);
        var trained = Trainer.Train(profiles, lexicon, labels, null, new TrainingOptions { Tier = Tier.Fast });
        var bundle = ModelBundle.FromTraining(trained, 42, "fixture", ReportJson.Build(trained.Report), DateTimeOffset.UtcNow);
        var dir = Path.Combine(Path.GetTempPath(), "clientele-server-tests", "fixture-" + Guid.NewGuid().ToString("N")[..8]);
        DirectoryBundleStore.Save(bundle, dir);
        return (dir, csv);
    }
}
