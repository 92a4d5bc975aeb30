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
        var trainingOptions = new TrainingOptions { Tier = request.Tier, ClassWeights = request.ClassWeights, IncludeSensitive = request.IncludeSensitive };
        TrainModelsRequest training;
        if (request.Purchases is { } ledger)
        {
            // The CLI's production setup: outcomes that followed the cutoff up to the newest input date.
            var data = new PurchaseData(ledger, request.Notes, lexicon, request.PurchasesSource);
            var set = PurchaseTrainingSet.Prepare(data, Newest(data), new Core.History.PurchaseWindows(), request.Labels);
            training = set.Request(data, trainingOptions);
        }
        else
        {
            training = new TrainModelsRequest(ProfileBuilder.FromNotes(ConceptMatcher.Build(lexicon), request.Notes), lexicon, request.Labels, Holdout: null, trainingOptions);
        }

        var profiles = training.Profiles;
        job.Clients = profiles.Count;
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
        log.Trained(trained.Version, profiles.Count);
        if (request.Activate)
        {
            job.Progress = "activating";
            registry.Activate(trained.Version);
        }
    }

    /// <summary>The newest date of the purchases or the notes: the as-of of training from transactions (the CLI's default rule).</summary>
    private static DateOnly Newest(PurchaseData data)
    {
        var newest = data.Ledger.Newest;
        foreach (var n in data.Notes)
        {
            if (n.Date is { } d && d > newest)
            {
                newest = d;
            }
        }

        return newest;
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
