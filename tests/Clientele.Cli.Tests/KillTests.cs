using System.Diagnostics;
using Clientele.Core.Concepts;
using Clientele.Core.Ingest;
using Clientele.Core.Profiles;
using Clientele.Core.Scoring;
using Clientele.Storage.Files;
using Clientele.Storage.Store;
using Xunit.Abstractions;

namespace Clientele.Cli.Tests;

/// <summary>
/// The real CLI in a child process, SIGKILLed at several points of a training that adds a version beside a good
/// one recorded in a SQLite store. After every kill the previous state must still be usable: the models directory
/// loads and scores as before (or its current version is the complete new one, if the kill came after the publish), the store
/// migrates and names no version without a loadable bundle.
/// </summary>
public sealed class KillTests(ITestOutputHelper output) : KilledCliTest(output, "kill", seed: 11)
{
    private string Notes => Path.Combine(Dir, "notes.csv");

    private string Bundle => Path.Combine(Dir, "models", "prod");

    private string Db => "Data Source=" + Path.Combine(Dir, "store.db");

    /// <summary>Where the kill lands: a stderr progress line to wait for (null: at once), then a delay.</summary>
    private static readonly (string? Line, int DelayMs)[] KillPoints =
    [
        (null, 0),             // while the runtime starts
        (null, 400),           // reading notes / building features
        ("features", 0),       // features built, training starts
        ("train", 50),         // inside a learner
        // The save takes tens of milliseconds, so several delays land in its different steps: staging
        // files, the two renames, the store transaction, after the publish.
        ("save bundle", 0),
        ("save bundle", 5),
        ("save bundle", 15),
        ("save bundle", 30),
        ("save bundle", 60),
        ("save bundle", 150),
    ];

    [Fact]
    public void A_cli_killed_at_any_point_leaves_a_loadable_bundle_and_a_consistent_store_and_the_next_save_removes_its_leftovers()
    {
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, RunToEnd("--seed", "1"));
        var before = Scores(Bundle);
        var beforeMetadata = File.ReadAllBytes(Path.Combine(ModelsDirectory.Resolve(Bundle), "metadata.json"));
        AssertStoreConsistent();

        foreach (var (line, delay) in KillPoints)
        {
            var (reached, exited) = KillAt(line, delay, "--seed", "2");
            var replaced = !File.ReadAllBytes(Path.Combine(ModelsDirectory.Resolve(Bundle), "metadata.json")).AsSpan().SequenceEqual(beforeMetadata);
            Output.WriteLine($"kill after '{line ?? "start"}' + {delay} ms: reached={reached}, exited before kill={exited}, bundle {(replaced ? "replaced by the complete new one" : "unchanged")}, leftovers={DirectoryBundleStore.LeftoversIn(Bundle).Count}");

            var bundle = DirectoryBundleStore.Load(Bundle); // checksums verified
            if (replaced)
            {
                // Only a kill after the publish may leave the new bundle, and then it must be whole.
                Assert.True(line == "save bundle" || exited, $"bundle replaced by a process killed before it saved ('{line}')");
                Assert.Equal(2, bundle.Metadata.Seed);
                beforeMetadata = File.ReadAllBytes(Path.Combine(ModelsDirectory.Resolve(Bundle), "metadata.json"));
                before = Scores(Bundle);
            }
            else
            {
                Assert.Equal(before, Scores(Bundle));
            }

            foreach (var leftover in DirectoryBundleStore.LeftoversIn(Bundle))
            {
                Assert.StartsWith(".", Path.GetFileName(leftover)); // hidden, never taken for a bundle
            }

            AssertStoreConsistent();
        }

        // A later successful save cleans what the killed ones left behind (they are dead and older than it).
        Assert.Equal(0, RunToEnd("--seed", "1"));
        Assert.Empty(DirectoryBundleStore.LeftoversIn(Bundle));
        AssertStoreConsistent();
        Output.WriteLine($"total {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public void A_save_killed_between_its_two_renames_is_undone_by_the_next_load()
    {
        Assert.Equal(0, RunToEnd("--seed", "1", "--no-store"));
        var before = Scores(Bundle);
        // The state a kill between "target aside" and "staging in" leaves: no target, the previous bundle aside.
        var current = ModelsDirectory.Resolve(Bundle);
        Directory.Move(current, Path.Combine(Bundle, $".{Path.GetFileName(current)}.old-999999-0123456789abcdef"));

        Assert.Equal(before, Scores(Bundle));
        Assert.True(Directory.Exists(current));
        Assert.Empty(DirectoryBundleStore.LeftoversIn(Bundle));
    }

    private void AssertStoreConsistent()
    {
        using var store = StoreFactory.Open(Db);
        store.Migrate();
        var versions = store.ListModelVersions();
        Assert.NotEmpty(versions);
        Assert.True(versions.Count(v => v.Active) <= 1, "more than one active version");
        foreach (var v in versions)
        {
            DirectoryBundleStore.Load(v.BundlePath); // a listed version always has a loadable bundle
        }

        var names = versions.Select(v => v.Version).ToHashSet(StringComparer.Ordinal);
        foreach (var run in store.ListRuns(500).Where(r => r.Kind == "train"))
        {
            Assert.Equal("succeeded", run.Status);
            Assert.Contains(run.ModelVersion!, names);
        }
    }

    private static List<string> Scores(string bundleDir)
    {
        var bundle = DirectoryBundleStore.Load(bundleDir);
        using var reader = CsvInput.OpenText(File.OpenRead(Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(bundleDir))!, "notes.csv")));
        var notes = NotesCsv.Read(reader, "notes.csv", new IngestReport("notes.csv")).Take(400).ToList();
        var profiles = ProfileBuilder.FromNotes(ConceptMatcher.Build(bundle.Lexicon), notes);
        return [.. new Scorer(bundle).Score(profiles).Select(s => FormattableString.Invariant($"{s.ClientId} {s.PurchaseProb:R} {s.ChurnRisk:R} {s.PredictedClv:R}"))];
    }

    private string[] TrainArgs(string[] extra) => ["train", "--notes", Notes, "--out", Bundle, "--db", Db, .. extra];

    private int RunToEnd(params string[] extra)
    {
        CliProcess.Run(Dir, TrainArgs(extra));
        return 0;
    }

    /// <summary>Starts a training and SIGKILLs it <paramref name="delayMs"/> after the first stderr line containing <paramref name="line"/>.</summary>
    private (bool Reached, bool Exited) KillAt(string? line, int delayMs, params string[] extra)
    {
        var (reached, exited) = CliProcess.KillAt(Dir, line, delayMs, TrainArgs(extra));
        Assert.True(reached, $"never saw '{line}' on stderr");
        return (reached, exited);
    }
}
