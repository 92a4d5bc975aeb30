using System.Runtime.CompilerServices;
using Clientele.Core.Bundles;
using Clientele.Core.Features;
using Clientele.Core.Labels;
using Clientele.Core.Profiles;

namespace Clientele.Core.Scoring;

/// <summary>
/// Scores profiles with a bundle: features in parallel, one batch transform per model and batch, reasons
/// from per-prediction contributions. Stateless apart from the bundle, so replicas and shards agree.
/// </summary>
public sealed class Scorer(ModelBundle bundle)
{
    private readonly ReasonBuilder _reasons = new(bundle.Featurizer);

    // Row buffers of a finished call, taken by the next one (one slot: concurrent calls allocate their own).
    private float[][]? _spare;

    public ModelBundle Bundle { get; } = bundle;

    /// <summary>How reasons' contributions are computed (default <see cref="Defaults.ReasonMethod"/>).</summary>
    public ReasonMethod ReasonMethod { get; init; } = Defaults.ReasonMethod;

    /// <summary>Clients per batch (tests make it small to cross batch boundaries).</summary>
    internal int BatchSize { get; init; } = Defaults.ScoringBatch;

    /// <summary>Scores every profile as of <paramref name="asOf"/> (default: the bundle's training as-of date, never the batch's newest date), in batches of <see cref="Defaults.ScoringBatch"/>; results keep the input order.</summary>
    public List<ClientScore> Score(IReadOnlyList<ClientProfile> profiles, DateOnly? asOf = null, bool withReasons = true) => Score(profiles, null, asOf, withReasons);

    /// <summary>
    /// As <see cref="Score(IReadOnlyList{ClientProfile}, DateOnly?, bool)"/>, each client's purchases read from
    /// <paramref name="purchases"/> (a bundle trained with transactions; the BTYD parameters are the bundle's, so a
    /// client's score does not depend on the rest of the batch).
    /// </summary>
    public List<ClientScore> Score(IReadOnlyList<ClientProfile> profiles, History.PurchaseLedger? purchases, DateOnly? asOf, bool withReasons = true)
    {
        var result = new List<ClientScore>(profiles.Count);
        foreach (var batch in ScoreInBatches(profiles, purchases, asOf, withReasons))
        {
            result.AddRange(batch);
        }

        return result;
    }

    /// <summary>
    /// As <see cref="Score(IReadOnlyList{ClientProfile}, History.PurchaseLedger?, DateOnly?, bool)"/>, one list per batch of
    /// <see cref="Defaults.ScoringBatch"/> clients in input order, each scored only when the previous one has been taken: a
    /// caller that writes each batch and lets it go never holds every client's score (a million clients' reasons are
    /// hundreds of megabytes). The scores are the same whichever way they are taken.
    /// </summary>
    public IEnumerable<List<ClientScore>> ScoreInBatches(IReadOnlyList<ClientProfile> profiles, History.PurchaseLedger? purchases, DateOnly? asOf,
        bool withReasons = true)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        return Batches(profiles, purchases, asOf, withReasons);
    }

    private IEnumerable<List<ClientScore>> Batches(IReadOnlyList<ClientProfile> profiles, History.PurchaseLedger? purchases, DateOnly? asOf, bool withReasons)
    {
        // Never the newest date of the batch: one client's score must not move when another's later note is added.
        asOf ??= Bundle.Featurizer.AsOf;
        // One set of row buffers for every batch (a million clients would otherwise allocate a million rows), kept
        // for the next call when small: a server scoring request after request reuses them.
        var size = Math.Min(profiles.Count, BatchSize);
        var buffers = Interlocked.Exchange(ref _spare, null) is { } spare && spare.Length >= size ? spare : new float[size][];
        for (var start = 0; start < profiles.Count; start += BatchSize)
        {
            var batch = profiles.Skip(start).Take(BatchSize).ToList();
            var rows = batch.Count == buffers.Length ? buffers : buffers[..batch.Count];
            FeatureMatrix.Fill(Bundle.Featurizer, batch, purchases, asOf, rows);
            // Materialised before the next batch refills the row buffers.
            yield return [.. ScoreBatch(batch, rows, withReasons)];
        }

        if (buffers.Length <= Defaults.RetainedScoringRows)
        {
            Interlocked.Exchange(ref _spare, buffers);
        }
    }

    private static readonly ClientReasons NoReasons = ClientReasons.FromText(string.Empty);

    private IEnumerable<ClientScore> ScoreBatch(List<ClientProfile> profiles, float[][] rows, bool withReasons)
    {
        // Rows are independent, so the batch is cut into row ranges that run side by side, each through every
        // target: one task per target left a core idle while the slowest target finished (docs/BENCHMARKS.md).
        var models = Bundle.Models.ToList();
        var predicted = new double[models.Count][];
        for (var k = 0; k < models.Count; k++)
        {
            predicted[k] = new double[rows.Length];
        }

        var tasks = (rows.Length + Defaults.ScoringRowsPerTask - 1) / Defaults.ScoringRowsPerTask;
        Parallel.For(0, tasks, t =>
        {
            var from = t * Defaults.ScoringRowsPerTask;
            var part = rows[from..Math.Min(rows.Length, from + Defaults.ScoringRowsPerTask)];
            for (var k = 0; k < models.Count; k++)
            {
                models[k].Value.Predict(part).CopyTo(predicted[k], from);
            }
        });
        var predictions = new Dictionary<Target, double[]>();
        for (var k = 0; k < models.Count; k++)
        {
            predictions[models[k].Key] = predicted[k];
        }

        // Reasons cost more than the predictions (a walk of every tree per row and target) and rows are independent;
        // each worker reuses its buffers, and contributions stay sparse (only features on the row's paths).
        var explanations = new ClientReasons[profiles.Count];
        if (withReasons)
        {
            Parallel.For(0, profiles.Count, () => new ReasonWorker(_reasons), (i, _, worker) =>
            {
                explanations[i] = Reasons(worker, rows[i], profiles[i]);
                return worker;
            }, _ => { });
        }

        var segments = Bundle.Segments;
        for (var i = 0; i < profiles.Count; i++)
        {
            var purchase = Get(predictions, Target.Purchased, i);
            var churn = Get(predictions, Target.Churned, i);
            var clv = Get(predictions, Target.LifetimeValue, i);
            var reasons = withReasons ? explanations[i] : NoReasons;
            yield return new ClientScore(profiles[i].ClientId, purchase, purchase >= Defaults.DecisionThreshold, churn, churn >= Defaults.DecisionThreshold,
                clv, segments.Value(clv), segments.Risk(churn), reasons);
        }
    }

    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ClientReasons Reasons(ReasonWorker worker, float[] row, ClientProfile profile)
    {
        // Features the client has, ascending (shared by the three targets): only they can become reasons.
        var present = worker.Present;
        present.Clear();
        var n = Math.Min(row.Length, _reasons.FeatureCount);
        for (var j = 0; j < n; j++)
        {
            if (row[j] != 0)
            {
                present.Add(j);
            }
        }

        var reasons = worker.Reasons;
        reasons.Clear();
        foreach (var target in Targets.All)
        {
            if (!Bundle.Models.TryGetValue(target, out var model) || model.Forest is not { } forest)
            {
                continue;
            }

            var contributions = worker.Contributions;
            if (ReasonMethod == ReasonMethod.TreeShap)
            {
                forest.ShapValues(row, contributions);
            }
            else
            {
                forest.Contributions(row, contributions);
            }
            var candidates = worker.Scratch.Candidates;
            foreach (var j in present)
            {
                if (j < forest.FeatureCount && contributions[j] is var c && c != 0)
                {
                    candidates.Add((j, c));
                }
            }

            _reasons.Append(worker.Scratch, target, reasons, profile);
        }

        // One array per row (the text it replaces was one string per row); rendering waits for an edge.
        return new ClientReasons(reasons.Count == 0 ? [] : reasons.ToArray(), profile.Facts);
    }

    private static double Get(Dictionary<Target, double[]> p, Target t, int i) => p.TryGetValue(t, out var v) ? v[i] : double.NaN;
}
