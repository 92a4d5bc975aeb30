using Clientele.Core.Concepts;
using Clientele.Core.Lexicon;
using Clientele.Core.Profiles;
using Clientele.Core.Training;
using Clientele.Server.Models;
using Clientele.Storage.Store;
using Clientele.Workflows;
using Clientele.Workflows.Training;
using Clientele.Workflows.Versions;
using Microsoft.Extensions.Options;

namespace Clientele.Server.Jobs;

/// <summary>
/// Runs a training job: profiles from the request's notes, then the <see cref="TrainVersion"/> workflow (the
/// bundle written atomically to a new version directory under the models root and recorded in the store),
/// then activation when asked. Nothing is registered until the bundle is complete on disk.
/// </summary>
public sealed class TrainingRunner(ModelRegistry registry, IClienteleStore store, TimeProvider time, IOptions<ServerOptions> options, ILogger<TrainingRunner> log)
{
    public void Run(Job job, TrainingRequest request, CancellationToken token)
    {
        // The active model's lexicon keeps concept ids stable across versions; the built-in one otherwise.
        var lexicon = registry.Current?.Bundle.Lexicon ?? LexiconCsv.LoadBuiltin();
        job.Progress = "detecting concepts";
        var profiles = ProfileBuilder.FromNotes(ConceptMatcher.Build(lexicon), request.Notes);
        job.Clients = profiles.Count;
        var training = new TrainModelsRequest(profiles, lexicon, request.Labels, Holdout: null,
            new TrainingOptions { Tier = request.Tier, ClassWeights = request.ClassWeights, IncludeSensitive = request.IncludeSensitive });
        var labels = TrainModels.Labels(training);
        token.ThrowIfCancellationRequested();
        var workflow = new TrainVersionRequest(training with { Labels = labels }, request.DataFingerprint, BundlePlace.NewUnder(options.Value.ResolveModelsRoot()))
        {
            Store = StoreAccess.Shared(store),
        };
        var trained = new TrainVersion(time).Run(workflow, new Progress(job), new Dictionary<string, double>(StringComparer.Ordinal), token);
        job.Version = trained.Version;
        job.Metrics = trained.Report;
        job.Message = $"trained {request.Tier.ToString().ToLowerInvariant()} on {profiles.Count:N0} clients ({labels.Source} labels)";
        log.LogInformation("Trained version {Version} on {Clients} clients", trained.Version, profiles.Count);
        if (request.Activate)
        {
            job.Progress = "activating";
            registry.Activate(trained.Version);
        }
    }

    /// <summary>
    /// Forwards the trainer's stage names to the job, synchronously (Progress&lt;T&gt; would post them late); the
    /// saving stage keeps the job's own word for it.
    /// </summary>
    private sealed class Progress(Job job) : IProgress<string>
    {
        public void Report(string value) => job.Progress = value == TrainVersion.SavingStage ? "saving" : value;
    }
}
