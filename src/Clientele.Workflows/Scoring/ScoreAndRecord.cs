using Clientele.Core.Scoring;

namespace Clientele.Workflows.Scoring;

/// <summary>
/// Score and record: scores the profiles batch by batch, writes each batch to the scores CSV when asked and records its
/// clients (notes, and concepts when asked) and predictions under the version as one scoring run, staged batch by batch
/// and published in one step with its run record once every batch is in. The next batch is scored (and its store records
/// built) on the pool while the current one is written and staged, timing "score" (the wait for a scored batch),
/// "write" and "store".
/// </summary>
public sealed class ScoreAndRecord(TimeProvider time)
{
    /// <summary>Run kind of a recorded CLI scoring run.</summary>
    public const string RunKind = "predict";

    /// <summary>
    /// Clients per staged batch: large enough that per-batch costs (a COPY, a statement set) vanish, small enough that
    /// the records of one batch (notes included) stay a few megabytes whatever the run's size.
    /// </summary>
    private const int DefaultStoreBatch = 10_000;

    /// <summary>Clients per staged batch; smaller in tests, to run many batches on few clients.</summary>
    internal int StoreBatch { get; init; } = DefaultStoreBatch;

    /// <summary>Clients up to which a run is scored and written on the calling thread alone (one scorer batch); 0 in tests, to overlap few clients.</summary>
    internal int OneThreadUpTo { get; init; } = Core.Defaults.ScoringBatch;

    /// <summary>Runs the steps; every score is returned whatever was written or recorded.</summary>
    public List<ClientScore> Run(ScoreRequest request, IProgress<string>? progress, IDictionary<string, double> seconds, CancellationToken token = default)
    {
        var kept = new List<ClientScore>(request.Profiles.Count);
        Execute(request, progress, seconds, kept, token);
        return kept;
    }

    /// <summary>
    /// As <see cref="Run"/>, keeping no score: each batch is written and recorded, then let go, and only the run's
    /// tally is returned (a million clients' scores with their reasons would be hundreds of megabytes).
    /// </summary>
    public ScoresTally Stream(ScoreRequest request, IProgress<string>? progress, IDictionary<string, double> seconds, CancellationToken token = default) =>
        Execute(request, progress, seconds, null, token);

    private ScoresTally Execute(ScoreRequest request, IProgress<string>? progress, IDictionary<string, double> seconds, List<ClientScore>? keep,
        CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = time.GetUtcNow();
        progress?.Report($"score {request.Profiles.Count:N0} clients");
        var trainedWithPurchases = request.Scorer.Bundle.Featurizer.Purchases is not null;
        if (trainedWithPurchases != (request.Purchases is not null))
        {
            throw new Core.Errors.ClienteleInputException("model", null, null,
                trainedWithPurchases ? WorkflowMessages.TransactionsNeeded : WorkflowMessages.TransactionsNotTrained);
        }

        var tally = new ScoresTally();
        var pass = new ScoringPass(time, request, StoreBatch, OneThreadUpTo, AsOf(request), started, progress, seconds, tally, keep, token);
        if (request.WriteCsv is { } write)
        {
            write(pass.Run);
        }
        else
        {
            pass.Run(null);
        }

        return tally;
    }

    /// <summary>The run id of a scoring: the same version, as-of and shard make the same run, so a rerun replaces it.</summary>
    public static string RunId(string version, DateOnly asOf, string? shard) =>
        FormattableString.Invariant($"predict-{version}-{asOf:yyyyMMdd}") + (shard is null ? string.Empty : "-shard-" + shard.Replace('/', '-'));

    // The date the scores are computed to, fixed before scoring: recorded as the scoring key, and given to the
    // scorer so that it cannot drift from the key (the scorer's own default is the same rule).
    private static DateOnly? AsOf(ScoreRequest request) =>
        request.AsOf ?? request.Profiles.Select(p => p.LastDate).Max() ?? request.Scorer.Bundle.Featurizer.AsOf;
}
