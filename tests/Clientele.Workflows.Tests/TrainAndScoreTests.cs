using Clientele.Core.Features;
using Clientele.Core.Labels;
using Clientele.Core.Scoring;
using Clientele.Core.Training;
using Clientele.Storage.Files;
using Clientele.Storage.Store;
using Clientele.Workflows.Notes;
using Clientele.Workflows.Scoring;
using Clientele.Workflows.Training;
using Clientele.Workflows.Versions;

namespace Clientele.Workflows.Tests;

/// <summary>The workflows end to end on generated notes and a real SQLite file, as the CLI and the server run them.</summary>
public sealed class TrainAndScoreTests() : GeneratedNotesTests(Clients, seed: 3)
{
    private const int Clients = 150;

    [Fact]
    public void Train_a_version_then_score_and_record_fill_the_store_under_a_new_version_directory()
    {
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        var read = Read(seconds);
        Assert.Equal(["lexicon", "ingest", "detect"], seconds.Keys);
        Assert.Equal(Clients, read.Profiles.Count);

        var trained = Train(read, BundlePlace.Versioned(Dir.Of("models/elite")), new TrainingRun(Now, "trained in a test"), seconds);
        Assert.Matches("^20260304-050607-elite-[0-9a-f]{6}$", trained.Version);
        Assert.Equal(Path.GetFullPath(Dir.Of("models/elite/" + trained.Version)), Path.GetFullPath(trained.Directory));
        Assert.True(File.Exists(Dir.Of($"models/elite/{trained.Version}/metadata.json")));
        Assert.Equal(trained.Version, File.ReadAllText(Dir.Of("models/elite/current")).Trim());
        Assert.Equal(trained.Version, VersionName.Of(Dir.Of("models/elite")));
        Assert.Equal(Now, trained.Bundle.Metadata.CreatedAt);
        Assert.Contains("save", seconds.Keys);
        Assert.True(trained.Model.Report.Seconds.ContainsKey("detect"), "the read stages join the training report");

        var csv = new StringWriter();
        var scores = new ScoreAndRecord(Clock).Run(new ScoreRequest(new Scorer(DirectoryBundleStore.Load(trained.Directory)), trained.Version, read.Profiles)
        {
            Notes = read.Notes,
            WriteCsv = body => body(csv),
            Store = StoreAccess.Opening(() => StoreFactory.Open(Db)),
        }, progress: null, seconds);

        Assert.Equal(Clients, scores.Count);
        Assert.StartsWith("client_id,purchase_prob,", csv.ToString(), StringComparison.Ordinal);
        using var store = StoreFactory.Open(Db);
        var version = Assert.Single(store.ListModelVersions());
        Assert.Equal(trained.Version, version.Version);
        Assert.Equal(Path.GetFullPath(trained.Directory), version.BundlePath);
        Assert.Equal(trained.Version, store.ActiveModelVersion()!.Version);
        var run = Assert.Single(store.ListRuns(), r => r.Kind == "train");
        Assert.Equal(("succeeded", trained.Version, Clients, "trained in a test"), (run.Status, run.ModelVersion, run.Clients, run.Message));
        var latest = store.LatestPredictions();
        Assert.Equal(Clients, latest.Count);
        Assert.All(latest, p => Assert.Equal((trained.Version, Now), (p.ModelVersion, p.ScoredAt)));
        Assert.NotNull(store.GetClient(read.Profiles[0].ClientId));
    }

    [Fact]
    public void A_version_trained_under_a_models_root_is_named_by_theClock_and_its_tier_and_recorded_alone()
    {
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        var trained = Train(Read(seconds), BundlePlace.NewUnder(Dir.Of("models")), run: null, seconds);
        Assert.Matches("^20260304-050607-elite-[0-9a-f]{6}$", trained.Version);
        Assert.Equal(VersionName.DirectoryOf(Dir.Of("models"), trained.Version), trained.Directory);
        using var store = StoreFactory.Open(Db);
        Assert.Equal(trained.Version, Assert.Single(store.ListModelVersions()).Version);
        Assert.Empty(store.ListRuns());
    }

    [Fact]
    public void The_same_request_trains_the_same_models_and_no_store_records_nothing()
    {
        var read = Read(new Dictionary<string, double>());
        var request = new TrainModelsRequest(read.Profiles, read.Lexicon, Labels: null, Holdout: null, new TrainingOptions { Tier = Tier.Fast });
        Assert.Equal(SmartLabeler.Label(read.Profiles, read.Lexicon, request.Options.Seed).Source, TrainModels.Labels(request).Source);
        var first = new TrainVersion(Clock).Run(new TrainVersionRequest(request, "fp", BundlePlace.Versioned(Dir.Of("a"))), null, new Dictionary<string, double>());
        var second = new TrainVersion(Clock).Run(new TrainVersionRequest(request, "fp", BundlePlace.Versioned(Dir.Of("b"))), null, new Dictionary<string, double>());
        Assert.Equal(File.ReadAllBytes(Path.Combine(first.Directory, "featurizer.json")), File.ReadAllBytes(Path.Combine(second.Directory, "featurizer.json")));
        Assert.Equal(first.Report["metrics"]!.ToJsonString(), second.Report["metrics"]!.ToJsonString());
        Assert.False(File.Exists(Dir.Of("clientele.db")));
    }

    [Fact]
    public void Retraining_into_the_same_directory_keeps_every_version_with_its_own_bundle_and_record()
    {
        var read = Read(new Dictionary<string, double>());
        var first = Train(read, BundlePlace.Versioned(Dir.Of("models/elite")), new TrainingRun(Now, "first"), new Dictionary<string, double>());
        var firstMetadata = File.ReadAllBytes(Path.Combine(first.Directory, "metadata.json"));
        var second = Train(read, BundlePlace.Versioned(Dir.Of("models/elite")), new TrainingRun(Now, "second"), new Dictionary<string, double>());

        Assert.NotEqual(first.Version, second.Version);
        Assert.Equal(firstMetadata, File.ReadAllBytes(Path.Combine(first.Directory, "metadata.json")));
        Assert.Equal(new[] { first.Version, second.Version }.Order(StringComparer.Ordinal), ModelsDirectory.Versions(Dir.Of("models/elite")));
        Assert.Equal(second.Version, VersionName.Of(Dir.Of("models/elite")));
        using var store = StoreFactory.Open(Db);
        var versions = store.ListModelVersions();
        Assert.Equal(2, versions.Count);
        Assert.All(versions, v => Assert.Equal(Path.GetFileName(v.BundlePath), v.Version));
        // Activating the older version still finds its own, untouched bundle.
        var old = Assert.Single(versions, v => v.Version == first.Version);
        Assert.Equal(first.Bundle.Metadata.CreatedAt, DirectoryBundleStore.Load(old.BundlePath).Metadata.CreatedAt);
    }

    [Fact]
    public void A_directory_holding_one_unversioned_bundle_is_refused_as_a_training_target_before_any_fit()
    {
        Directory.CreateDirectory(Dir.Of("old"));
        File.WriteAllText(Dir.Of("old/metadata.json"), "{}");
        var e = Assert.Throws<Clientele.Core.Errors.ClienteleInputException>(() => BundlePlace.Versioned(Dir.Of("old")));
        Assert.Contains("DIR/<version>/", e.Message, StringComparison.Ordinal);
        Assert.Equal("{}", File.ReadAllText(Dir.Of("old/metadata.json")));
    }

    private TrainedVersion Train(ProfilesRead read, BundlePlace place, TrainingRun? run, IDictionary<string, double> seconds)
    {
        var request = TrainRequest(read, Tier.Elite, place) with { Store = StoreAccess.Opening(() => StoreFactory.Open(Db)), Run = run };
        return new TrainVersion(Clock).Run(request, progress: null, seconds);
    }
}
