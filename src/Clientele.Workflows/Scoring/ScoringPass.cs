using System.Collections.Concurrent;
using Clientele.Core.Ingest;
using Clientele.Core.Scoring;
using Clientele.Storage.Store;

namespace Clientele.Workflows.Scoring;

/// <summary>
/// One pass of <see cref="ScoreAndRecord"/>: a producer on the pool scores batch after batch (and builds each batch's
/// store records), the calling thread writes each to the CSV and stages it in the store, then publishes the run. The
/// writer is single-threaded and the scorer uses both cores, so overlapping them keeps the second core busy through the
/// writing; at most <see cref="BatchesAhead"/> scored batches wait, so memory does not grow with the run. A run of one
/// batch (a server request) is scored and written on the calling thread alone.
/// </summary>
internal sealed class ScoringPass(TimeProvider time, ScoreRequest request, int storeBatch, int oneThreadUpTo, DateOnly? asOf, DateTimeOffset started,
    IProgress<string>? progress, IDictionary<string, double> seconds, ScoresTally tally, List<ClientScore>? keep, CancellationToken token)
{
    /// <summary>Scored batches waiting for the writer, at most: one is written while the next is scored.</summary>
    private const int BatchesAhead = 1;

    private double _map;

    /// <summary>Scores, writes to <paramref name="csv"/> (when given) and records every batch, then publishes.</summary>
    public void Run(TextWriter? csv)
    {
        if (csv is not null)
        {
            csv.Write(ScoresCsv.Header);
            csv.Write('\n');
        }

        var opening = time.GetTimestamp();
        if (request.Store.Records)
        {
            request.Store.Use(store => Pass(store, csv, opening));
        }
        else
        {
            Pass(null, csv, opening);
        }
    }

    private sealed record Scored(List<ClientScore> Scores, List<ScoredBatch> Records);

    private void Pass(IClienteleStore? store, TextWriter? csv, long opening)
    {
        // Without a date anywhere (undated notes, a bundle without one), the scoring is keyed on the day it ran.
        var key = asOf ?? DateOnly.FromDateTime(started.UtcDateTime);
        var at = time.GetUtcNow();
        var (wait, write, stage) = (0.0, 0.0, 0.0);
        var batches = 0;
        // Not while every note is held for the store: a full collection then marks gigabytes of live text for the
        // same few hundred megabytes of dead scores, and cost more time than it saved memory (docs/BENCHMARKS.md).
        var collect = store is null || !request.RecordClients;
        if (store is not null)
        {
            progress?.Report($"store {request.Profiles.Count:N0} clients");
        }

        using var writer = store?.BeginScoring(key);
        var open = time.GetElapsedTime(opening).TotalSeconds;
        void Consume(Scored batch)
        {
            if (collect && ++batches % Core.Defaults.ScoringBatchesPerCollection == 0)
            {
                // Each batch's scores outlive a few young collections and are promoted, then die: without a full
                // collection now and then they pile up in the old generation until the run ends (docs/BENCHMARKS.md).
                GC.Collect(2, GCCollectionMode.Forced, blocking: false);
            }

            foreach (var s in batch.Scores)
            {
                tally.Add(s);
            }

            keep?.AddRange(batch.Scores);
            if (csv is not null)
            {
                var t1 = time.GetTimestamp();
                ScoresCsv.WriteRows(csv, batch.Scores);
                write += time.GetElapsedTime(t1).TotalSeconds;
            }

            if (writer is not null)
            {
                var t2 = time.GetTimestamp();
                foreach (var records in batch.Records)
                {
                    token.ThrowIfCancellationRequested();
                    writer.Add(records);
                }

                stage += time.GetElapsedTime(t2).TotalSeconds;
            }
        }

        if (request.Profiles.Count <= oneThreadUpTo)
        {
            // One batch: nothing to overlap, and a server request must not hold a second pool thread while it waits for
            // the first (under concurrent requests that starved the pool: docs/BENCHMARKS.md, load test).
            var t0 = time.GetTimestamp();
            Produce(Consume, writer is not null, at, token);
            wait = time.GetElapsedTime(t0).TotalSeconds - write - stage;
        }
        else
        {
            wait = Overlapped(Consume, writer is not null, at);
        }

        seconds["score"] = Math.Round(wait, 4);
        if (csv is not null)
        {
            seconds["write"] = Math.Round(write, 4);
        }

        var publish = 0.0;
        if (writer is not null)
        {
            token.ThrowIfCancellationRequested();
            var t3 = time.GetTimestamp();
            progress?.Report("publish");
            writer.Publish(request.RecordRun
                ? new RunRecord(ScoreAndRecord.RunId(request.Version, key, request.Shard), ScoreAndRecord.RunKind, "succeeded", started, time.GetUtcNow(),
                    tally.Count, request.Version, request.Shard is null ? null : "shard " + request.Shard)
                : null);
            publish = time.GetElapsedTime(t3).TotalSeconds;
            seconds["store_map"] = Math.Round(_map, 4);
            seconds["store_stage"] = Math.Round(stage, 4);
            seconds["store_publish"] = Math.Round(publish, 4);
        }

        seconds["store"] = Math.Round(open + stage + publish, 4);
    }

    // Scores on the pool while the calling thread consumes: returns the consumer's wait for scored batches.
    private double Overlapped(Action<Scored> consume, bool record, DateTimeOffset at)
    {
        var wait = 0.0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        using var queue = new BlockingCollection<Scored>(BatchesAhead);
        var producer = Task.Run(
            () =>
            {
                try
                {
                    Produce(b => queue.Add(b, stop.Token), record, at, stop.Token);
                }
                finally
                {
                    queue.CompleteAdding();
                }
            },
            CancellationToken.None);
        try
        {
            while (true)
            {
                var t0 = time.GetTimestamp();
                if (!queue.TryTake(out var batch, Timeout.Infinite, token))
                {
                    break;
                }

                wait += time.GetElapsedTime(t0).TotalSeconds;
                consume(batch);
            }

            // The scorer's own exception, not an AggregateException (it ended the queue early).
            producer.GetAwaiter().GetResult();
        }
        finally
        {
            // When the writer failed or the run was cancelled: the producer is not left running past the writer it
            // feeds, and its own failure is observed (the one already being thrown is the one to report).
            stop.Cancel();
            Task.WaitAny([producer], CancellationToken.None);
            _ = producer.Exception;
        }

        return wait;
    }

    private void Produce(Action<Scored> sink, bool record, DateTimeOffset at, CancellationToken stop)
    {
        var byClient = record && request.RecordClients ? NotesByClient() : null;
        var offset = 0;
        foreach (var scores in request.Scorer.ScoreInBatches(request.Profiles, request.Purchases, asOf, request.WithReasons))
        {
            stop.ThrowIfCancellationRequested();
            var t0 = time.GetTimestamp();
            var records = record ? Records(scores, offset, byClient, at) : [];
            _map += time.GetElapsedTime(t0).TotalSeconds;
            offset += scores.Count;
            sink(new Scored(scores, records));
        }
    }

    // The store records of one scored batch, cut into staged batches of storeBatch clients.
    private List<ScoredBatch> Records(List<ClientScore> scores, int offset, ILookup<string, Note>? byClient, DateTimeOffset at)
    {
        var batches = new List<ScoredBatch>();
        for (var start = 0; start < scores.Count; start += storeBatch)
        {
            var count = Math.Min(storeBatch, scores.Count - start);
            var predictions = RecordMapper.Predictions(scores.GetRange(start, count), request.Version, at);
            if (byClient is null)
            {
                batches.Add(new ScoredBatch([], [], [], predictions));
                continue;
            }

            var profiles = new List<Core.Profiles.ClientProfile>(count);
            for (var i = 0; i < count; i++)
            {
                profiles.Add(request.Profiles[offset + start + i]);
            }

            var notes = profiles.SelectMany(p => byClient[p.ClientId]).ToList();
            var clients = RecordMapper.Clients(profiles, notes);
            var concepts = request.StoreConcepts ? RecordMapper.Concepts(profiles, request.Scorer.Bundle.Lexicon) : [];
            batches.Add(new ScoredBatch(clients, notes, concepts, predictions));
        }

        return batches;
    }

    private ILookup<string, Note> NotesByClient()
    {
        var scored = request.Profiles.Select(p => p.ClientId).ToHashSet(StringComparer.Ordinal);
        return request.Notes.Where(n => scored.Contains(n.ClientId)).ToLookup(n => n.ClientId, StringComparer.Ordinal);
    }
}
