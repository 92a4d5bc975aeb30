using Clientele.Core.Bundles;
using Clientele.Core.Evaluation;
using Clientele.Core.Training;
using Clientele.Storage.Files;
using Clientele.Storage.Store;
using Clientele.Workflows.Versions;

namespace Clientele.Workflows.Training;

/// <summary>
/// Train a version: fit (<see cref="TrainModels"/>), build the report and the bundle, save the bundle
/// atomically in a new version directory, name the version after its directory and record it. Nothing is recorded until the bundle is
/// complete on disk; a failure leaves every earlier version untouched.
/// </summary>
public sealed class TrainVersion(TimeProvider time)
{
    /// <summary>The stage reported while the bundle is saved and recorded.</summary>
    public const string SavingStage = "save bundle";

    /// <summary>The run kind of a training in the store (the server's training jobs are recorded under it too).</summary>
    public const string RunKind = "train";

    /// <summary>The status of a finished run, as the server's job queue writes it.</summary>
    private const string Succeeded = "succeeded";

    /// <summary>Runs every step; <paramref name="seconds"/> gains "save" (saving and recording) after the fit's stages.</summary>
    public TrainedVersion Run(TrainVersionRequest request, IProgress<string>? progress, IDictionary<string, double> seconds, CancellationToken token = default)
    {
        var trained = TrainModels.Run(request.Training, progress, seconds);
        token.ThrowIfCancellationRequested();
        var now = time.GetUtcNow();
        var options = request.Training.Options;
        var report = ReportJson.Build(trained.Report);
        var bundle = ModelBundle.FromTraining(trained, options.Seed, request.DataFingerprint, report, now,
            request.Training.Profiles.Select(p => p.ClientId));
        progress?.Report(SavingStage);
        var clock = new StageClock(time, seconds);
        var directory = request.Place.Resolve(options.Tier, now);
        DirectoryBundleStore.Save(bundle, directory);
        var version = VersionName.Of(directory);
        request.Store.Use(store => Record(store, request, version, directory, bundle));
        // Pointed only once recorded: a run killed before this leaves "current" on the previous version.
        request.Place.Published(directory);
        clock.Lap("save");
        return new TrainedVersion(version, directory, bundle, trained, report);
    }

    private void Record(IClienteleStore store, TrainVersionRequest request, string version, string directory, ModelBundle bundle)
    {
        var record = VersionRecords.Of(version, directory, bundle);

        // The training set's clients (hashed) go with the version, so an erasure later lists it as to retrain.
        var members = request.Training.Profiles.Select(p => p.ClientId).ToList();
        var run = request.Run is { } r
            ? new RunRecord(Guid.NewGuid().ToString("N"), RunKind, Succeeded, r.Started, time.GetUtcNow(), request.Training.Profiles.Count, version, r.Message)
            : null;

        // One transaction: a process killed here leaves the version, its run and its members all recorded or all absent.
        store.SaveTrainedVersion(record, run, request.Run?.Activate ?? false, members);
    }
}
