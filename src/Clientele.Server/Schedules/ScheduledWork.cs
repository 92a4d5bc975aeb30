using System.Security.Cryptography;
using System.Text;
using Clientele.Core.Features;
using Clientele.Core.Ingest;
using Clientele.Core.Profiles;
using Clientele.Server.Jobs;
using Clientele.Server.Models;
using Clientele.Server.Scoring;
using Clientele.Storage.Store;

namespace Clientele.Server.Schedules;

/// <summary>
/// The two routine jobs. Nightly: rescore every stored client with the active model and append the
/// predictions (one transaction, so a failure keeps yesterday's scores). Weekly: retrain Elite on the
/// stored notes with smart labels (the store keeps no outcomes yet) and activate it only if it trained.
/// </summary>
public sealed class ScheduledWork(IClienteleStore store, ModelRegistry registry, TrainingRunner trainer, JobQueue queue, SummaryCache cache)
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
        _ => null,
    };

    /// <summary>Queues a job of <paramref name="kind"/>; null when unknown or the queue is full.</summary>
    public Job? Enqueue(string kind) => Create(kind) is { } job && queue.TryEnqueue(job) ? job : null;

    private void NightlyScore(Job job, CancellationToken token)
    {
        var snapshot = registry.Current ?? throw new InvalidOperationException(ServerMessages.NoActiveModel);
        job.Version = snapshot.Version;
        job.Progress = "reading notes";
        var notes = StoredNotes(token);
        job.Progress = "scoring";
        var profiles = ProfileBuilder.FromNotes(snapshot.Matcher, notes);
        var scores = snapshot.Scorer.Score(profiles);
        token.ThrowIfCancellationRequested();
        store.SavePredictions(RecordMapper.Predictions(scores, snapshot.Version, DateTimeOffset.UtcNow));
        cache.Invalidate();
        job.Clients = scores.Count;
        job.Message = $"scored {scores.Count:N0} clients with {snapshot.Version}";
    }

    private void WeeklyRetrain(Job job, CancellationToken token)
    {
        job.Progress = "reading notes";
        var notes = StoredNotes(token);
        if (notes.Count == 0)
        {
            throw new InvalidOperationException(ServerMessages.NoStoredNotes);
        }

        trainer.Run(job, new TrainingRequest(notes, Labels: null, Tier.Elite, Activate: true, Fingerprint(notes)), token);
    }

    /// <summary>Every stored note of every stored client, page by page.</summary>
    public List<Note> StoredNotes(CancellationToken token)
    {
        var notes = new List<Note>();
        for (var page = 1; ; page++)
        {
            token.ThrowIfCancellationRequested();
            var (items, total) = store.QueryClients(new ClientQuery(Page: page, PageSize: 500));
            foreach (var item in items)
            {
                foreach (var n in store.GetNotes(item.Client.ClientId))
                {
                    notes.Add(RecordMapper.ToNote(n, notes.Count + 2));
                }
            }

            if (items.Count == 0 || page * 500 >= total)
            {
                return notes;
            }
        }
    }

    /// <summary>A hash of the notes trained on, for the bundle's data fingerprint.</summary>
    public static string Fingerprint(IEnumerable<Note> notes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var n in notes)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(n.ClientId + "\u001f" + n.Date + "\u001f" + n.Text + "\u001e"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
