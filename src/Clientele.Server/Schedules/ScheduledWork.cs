using Clientele.Core.Features;
using Clientele.Core.Profiles;
using Clientele.Server.Jobs;
using Clientele.Server.Models;
using Clientele.Server.Scoring;
using Clientele.Storage.Store;
using Clientele.Workflows;
using Clientele.Workflows.Notes;
using Clientele.Workflows.Scoring;
using Clientele.Workflows.Retention;
using Clientele.Workflows.Versions;
using Microsoft.Extensions.Options;

namespace Clientele.Server.Schedules;

/// <summary>
/// The routine jobs. Nightly: rescore every stored client with the active model and append the
/// predictions (one transaction, so a failure keeps yesterday's scores). Weekly: retrain Elite on the
/// stored notes with smart labels (the store keeps no outcomes yet) and activate it only if it trained. Daily:
/// the retention pass (expired notes, prediction history, old versions, orphan bundle folders).
/// </summary>
public sealed class ScheduledWork(IClienteleStore store, ModelRegistry registry, TrainingRunner trainer, JobRunner queue, SummaryCache cache, TimeProvider time,
    IOptions<ServerOptions> options)
{
    /// <summary>A queued job of the given kind, or null when the kind is unknown.</summary>
    public Job? Create(string kind) => kind switch
    {
        RunKinds.NightlyScore => new Job(kind, (job, token) =>
        {
            NightlyScore(job, token);
            return Task.CompletedTask;
        }),
        RunKinds.WeeklyRetrain => new Job(kind, (job, token) =>
        {
            WeeklyRetrain(job, token);
            return Task.CompletedTask;
        }),
        RunKinds.Retention => new Job(kind, (job, token) =>
        {
            Retention(job);
            return Task.CompletedTask;
        }),
        _ => null,
    };

    /// <summary>Queues a job of <paramref name="kind"/>; null when unknown or the queue is full.</summary>
    public Job? Enqueue(string kind) => Create(kind) is { } job && queue.TryEnqueue(job) ? job : null;

    /// <summary>
    /// Queues the run a schedule fires at <paramref name="due"/>. On a shared queue every replica fires it under one id
    /// (kind and due minute), so the queue keeps one job and one replica runs it; null when unknown or the queue is full.
    /// </summary>
    internal Job? EnqueueDue(string kind, DateTime due)
    {
        if (!queue.IsShared)
        {
            return Enqueue(kind);
        }

        if (Create(kind) is not { } template)
        {
            return null;
        }

        var id = $"{kind}-{due.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture)}";
        var job = new Job(id, kind, DateTimeOffset.UtcNow, template.Work);
        return queue.TryEnqueue(job) ? job : null;
    }

    private void NightlyScore(Job job, CancellationToken token)
    {
        var snapshot = registry.Current ?? throw new InvalidOperationException(ServerMessages.NoActiveModel);
        job.Version = snapshot.Version;
        job.Progress = "reading notes";
        var notes = StoredNotes.ReadAll(store, token);
        // The as-of rule: the nightly scoring is as of today (UTC); a note dated later is left out until its day.
        var asOf = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var later = notes.RemoveAll(n => n.Date > asOf);
        job.Progress = "scoring";
        var (profiles, suppressed) = Workflows.Privacy.SubjectRights.WithoutSuppressed(ProfileBuilder.FromNotes(snapshot.Matcher, notes), store.SuppressedClients());
        var request = new ScoreRequest(snapshot.Scorer, snapshot.Version, profiles)
        {
            Store = StoreAccess.Shared(store), RecordClients = false, AsOf = asOf,
            // A bundle trained with purchase history rescoring sees the purchases stored since (POST /api/transactions).
            Purchases = Workflows.Purchases.StoredTransactions.ForScoring(store, snapshot.Bundle, profiles.Select(p => p.ClientId).ToList()),
        };
        var scores = new ScoreAndRecord(time).Run(request, progress: null, new Dictionary<string, double>(StringComparer.Ordinal), token);
        cache.Invalidate();
        job.Clients = scores.Count;
        job.Message = $"scored {scores.Count:N0} clients with {snapshot.Version}" + (suppressed > 0 ? $"; {suppressed:N0} not scored (objected or withdrew consent)" : string.Empty)
            + (later > 0 ? $"; {later:N0} notes dated after {asOf:yyyy-MM-dd} left out" : string.Empty);
    }

    private void WeeklyRetrain(Job job, CancellationToken token)
    {
        job.Progress = "reading notes";
        var notes = StoredNotes.ReadAll(store, token);
        if (notes.Count == 0)
        {
            throw new InvalidOperationException(ServerMessages.NoStoredNotes);
        }

        trainer.Run(job, new TrainingRequest(notes, Labels: null, Tier.Elite, Activate: true, DataFingerprint.Of(DataFingerprint.Digest(notes))), token);
    }

    private void Retention(Job job)
    {
        job.Progress = "applying retention";
        var policy = options.Value.Retention;
        var outcome = ApplyRetention.Run(store, policy, options.Value.ResolveModelsRoot(), time.GetUtcNow(), dryRun: false);
        cache.Invalidate();
        job.Message = outcome.Summary() + (policy.IsEmpty ? "; " + ServerMessages.NoRetentionConfigured : string.Empty);
    }
}
