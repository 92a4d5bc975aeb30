using Clientele.Core.Ingest;
using Clientele.Core.Scoring;
using Clientele.Storage.Store;

namespace Clientele.Workflows.Scoring;

/// <summary>
/// Score and record: scores every profile, writes the scores CSV when asked, then records the clients (notes, and
/// concepts when asked) and the predictions under the version as one scoring run, staged batch by batch and published
/// in one step with its run record, timing "score", "write" and "store".
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

    /// <summary>Runs the steps in order; the scores are returned whatever was written or recorded.</summary>
    public List<ClientScore> Run(ScoreRequest request, IProgress<string>? progress, IDictionary<string, double> seconds, CancellationToken token = default)
    {
        var started = time.GetUtcNow();
        var clock = new StageClock(time, seconds);
        progress?.Report($"score {request.Profiles.Count:N0} clients");
        var trainedWithPurchases = request.Scorer.Bundle.Featurizer.Purchases is not null;
        if (trainedWithPurchases != (request.Purchases is not null))
        {
            throw new Core.Errors.ClienteleInputException("model", null, null,
                trainedWithPurchases ? WorkflowMessages.TransactionsNeeded : WorkflowMessages.TransactionsNotTrained);
        }

        var asOf = AsOf(request);
        var scores = request.Scorer.Score(request.Profiles, request.Purchases, asOf, request.WithReasons);
        clock.Lap("score");
        if (request.WriteCsv is { } write)
        {
            write(w => ScoresCsv.Write(w, scores));
            clock.Lap("write");
        }

        token.ThrowIfCancellationRequested();
        request.Store.Use(store => Record(store, request, scores, asOf ?? DateOnly.FromDateTime(started.UtcDateTime), started, progress, seconds, token));
        clock.Lap("store");
        return scores;
    }

    /// <summary>The run id of a scoring: the same version, as-of and shard make the same run, so a rerun replaces it.</summary>
    public static string RunId(string version, DateOnly asOf, string? shard) =>
        FormattableString.Invariant($"predict-{version}-{asOf:yyyyMMdd}") + (shard is null ? string.Empty : "-shard-" + shard.Replace('/', '-'));

    // The date the scores are computed to, fixed before scoring: recorded as the scoring key, and given to the
    // scorer so that it cannot drift from the key (the scorer's own default is the same rule).
    private static DateOnly? AsOf(ScoreRequest request) =>
        request.AsOf ?? request.Profiles.Select(p => p.LastDate).Max() ?? request.Scorer.Bundle.Featurizer.AsOf;

    // Without a date anywhere (undated notes, a bundle without one), the scoring is keyed on the day it ran.
    // "store" is split into the time spent waiting for a batch's records (store_map), staging (store_stage) and
    // publishing (store_publish). The next batch's records are built on another thread while the writer stages the
    // current one: the writer is single-threaded, so the second core would otherwise sit idle through the staging.
    private void Record(IClienteleStore store, ScoreRequest request, List<ClientScore> scores, DateOnly asOf, DateTimeOffset started,
        IProgress<string>? progress, IDictionary<string, double> seconds, CancellationToken token)
    {
        var at = time.GetUtcNow();
        var map = 0.0;
        var stage = 0.0;
        progress?.Report($"store {scores.Count:N0} clients");
        var byClient = request.RecordClients ? NotesByClient(request) : null;
        ScoredBatch Batch(int start)
        {
            var count = Math.Min(StoreBatch, scores.Count - start);
            var predictions = RecordMapper.Predictions(scores.Skip(start).Take(count), request.Version, at);
            if (byClient is null)
            {
                return new ScoredBatch([], [], [], predictions);
            }

            var profiles = request.Profiles.Skip(start).Take(count).ToList();
            var notes = profiles.SelectMany(p => byClient[p.ClientId]).ToList();
            var clients = RecordMapper.Clients(profiles, notes);
            var concepts = request.StoreConcepts ? RecordMapper.Concepts(profiles, request.Scorer.Bundle.Lexicon) : [];
            return new ScoredBatch(clients, notes, concepts, predictions);
        }

        using var writer = store.BeginScoring(asOf);
        var next = scores.Count == 0 ? null : Task.Run(() => Batch(0), CancellationToken.None);
        try
        {
            for (var start = 0; next is not null; start += StoreBatch)
            {
                token.ThrowIfCancellationRequested();
                var t0 = time.GetTimestamp();
                var batch = next.GetAwaiter().GetResult(); // the mapper's own exception, not an AggregateException
                var following = start + StoreBatch;
                next = following < scores.Count ? Task.Run(() => Batch(following), CancellationToken.None) : null;
                var t1 = time.GetTimestamp();
                writer.Add(batch);
                map += time.GetElapsedTime(t0, t1).TotalSeconds;
                stage += time.GetElapsedTime(t1).TotalSeconds;
            }
        }
        finally
        {
            if (next is not null)
            {
                // When the writer failed or the run was cancelled: not left running past the writer it feeds, and its
                // own failure observed (the one already being thrown is the one to report).
                Task.WaitAny([next], CancellationToken.None);
                _ = next.Exception;
            }
        }

        seconds["store_map"] = Math.Round(map, 4);
        seconds["store_stage"] = Math.Round(stage, 4);
        var t2 = time.GetTimestamp();
        progress?.Report("publish");
        writer.Publish(request.RecordRun
            ? new RunRecord(RunId(request.Version, asOf, request.Shard), RunKind, "succeeded", started, time.GetUtcNow(), scores.Count,
                request.Version, request.Shard is null ? null : "shard " + request.Shard)
            : null);
        seconds["store_publish"] = Math.Round(time.GetElapsedTime(t2).TotalSeconds, 4);
    }

    private static ILookup<string, Note> NotesByClient(ScoreRequest request)
    {
        var scored = request.Profiles.Select(p => p.ClientId).ToHashSet(StringComparer.Ordinal);
        return request.Notes.Where(n => scored.Contains(n.ClientId)).ToLookup(n => n.ClientId, StringComparer.Ordinal);
    }
}
