using Clientele.Core;
using Clientele.Core.Bundles;
using Clientele.Core.Concepts;
using Clientele.Core.Evaluation;
using Clientele.Core.Labels;
using Clientele.Core.Lexicon;
using Clientele.Core.Profiles;
using Clientele.Core.Training;
using Clientele.Server.Models;
using Clientele.Storage.Files;
using Microsoft.Extensions.Options;

namespace Clientele.Server.Jobs;

/// <summary>
/// Trains a version and registers it: profiles, labels (real, else smart), ML.NET training, the bundle
/// written atomically to its own directory under the models root, then registered (and activated when
/// asked). Nothing is registered until the bundle is complete on disk.
/// </summary>
public sealed class TrainingRunner(ModelRegistry registry, IOptions<ServerOptions> options, ILogger<TrainingRunner> log)
{
    public void Run(Job job, TrainingRequest request, CancellationToken token)
    {
        // The active model's lexicon keeps concept ids stable across versions; the built-in one otherwise.
        var lexicon = registry.Current?.Bundle.Lexicon ?? LexiconCsv.LoadBuiltin();
        job.Progress = "detecting concepts";
        var profiles = ProfileBuilder.FromNotes(ConceptMatcher.Build(lexicon), request.Notes);
        job.Clients = profiles.Count;
        var labels = request.Labels ?? SmartLabeler.Label(profiles, lexicon, Defaults.Seed);
        token.ThrowIfCancellationRequested();
        var progress = new Progress(job);
        var trained = Trainer.Train(profiles, lexicon, labels, holdout: null, new TrainingOptions { Tier = request.Tier, ClassWeights = request.ClassWeights }, progress);
        token.ThrowIfCancellationRequested();

        job.Progress = "saving";
        var now = DateTimeOffset.UtcNow;
        var version = VersionName.New(request.Tier.ToString(), now);
        var report = ReportJson.Build(trained.Report);
        var bundle = ModelBundle.FromTraining(trained, Defaults.Seed, request.DataFingerprint, report, now);
        var directory = VersionName.DirectoryOf(options.Value.ResolveModelsRoot(), version);
        DirectoryBundleStore.Save(bundle, directory);
        registry.Register(version, directory, bundle);
        job.Version = version;
        job.Metrics = report;
        job.Message = $"trained {request.Tier.ToString().ToLowerInvariant()} on {profiles.Count:N0} clients ({labels.Source} labels)";
        log.LogInformation("Trained version {Version} on {Clients} clients", version, profiles.Count);
        if (request.Activate)
        {
            job.Progress = "activating";
            registry.Activate(version);
        }
    }

    /// <summary>Forwards the trainer's stage names to the job, synchronously (Progress&lt;T&gt; would post them late).</summary>
    private sealed class Progress(Job job) : IProgress<string>
    {
        public void Report(string value) => job.Progress = value;
    }
}
