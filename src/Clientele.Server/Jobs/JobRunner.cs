using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Clientele.Core.Errors;
using Clientele.Server.Hosting;
using Clientele.Storage.Replicas;
using Clientele.Storage.Store;
using Microsoft.Extensions.Options;

namespace Clientele.Server.Jobs;

/// <summary>
/// Runs background jobs one at a time, in order: training takes both cores, and two trainings at once
/// would each take twice as long. Every job is recorded as a run in the store when it starts and ends,
/// so a failure is visible with its reason; a failed job changes neither scores nor the active model.
/// On a shared store (PostgreSQL) the queue is the store's <c>jobs</c> table: a job queued on one replica is
/// claimed by whichever replica is free first (FOR UPDATE SKIP LOCKED), and its state is read from there.
/// </summary>
public sealed class JobRunner(IClienteleStore store, IOptions<ServerOptions> options, ILogger<JobRunner> log, IServiceProvider services) : BackgroundService
{
    private const int KeptJobs = 200;

    private readonly Channel<Job> _channel = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private readonly IReplicaCoordinator? _shared = ReplicaSharing.Of(store);
    private int _pending;

    /// <summary>True when jobs go through the store's shared queue (several replicas), false for one in-memory queue.</summary>
    internal bool IsShared => _shared is not null;

    /// <summary>Queues a job; false when the queue is full. On a shared queue, a job whose id is already queued counts as queued.</summary>
    public bool TryEnqueue(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (_shared is not null)
        {
            return EnqueueShared(_shared, job);
        }

        if (Interlocked.Increment(ref _pending) > options.Value.MaxQueuedJobs)
        {
            Interlocked.Decrement(ref _pending);
            return false;
        }

        Keep(job);
        Record(job, job.Status);
        _channel.Writer.TryWrite(job);
        return true;
    }

    /// <summary>The job with this id: this replica's own view while it runs it, otherwise the shared queue's row.</summary>
    public Job? Find(string id)
    {
        if (_jobs.TryGetValue(id, out var local) && (_shared is null || local.Status != JobStatus.Queued))
        {
            return local;
        }

        return _shared?.Find(id) is { } row ? FromRow(row) : local;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_shared is not null)
        {
            await RunSharedAsync(_shared, stoppingToken);
            return;
        }

        await foreach (var job in _channel.Reader.ReadAllAsync(stoppingToken))
        {
            await RunAsync(job, stoppingToken);
            Interlocked.Decrement(ref _pending);
        }
    }

    private bool EnqueueShared(IReplicaCoordinator shared, Job job)
    {
        var row = new QueuedJob(job.Id, job.Kind, JobStatus.Queued, job.QueuedAt, job.Progress, job.Describe?.Invoke());
        switch (shared.Enqueue(row, options.Value.MaxQueuedJobs))
        {
            case JobEnqueueResult.Full:
                return false;
            case JobEnqueueResult.AlreadyQueued:
                log.JobAlreadyQueued(job.Id, job.Kind);
                return true;
            default:
                // Not kept here: whichever replica claims it runs it, and Find reads its state from the shared row.
                Record(job, job.Status);
                Announce(shared, job.Id);
                return true;
        }
    }

    private async Task RunSharedAsync(IReplicaCoordinator shared, CancellationToken token)
    {
        using var wake = new SemaphoreSlim(0);
        var listening = shared.ListenAsync([ReplicaSharing.JobsChannel], (_, _) => wake.Release(), token);
        var recipes = services.GetRequiredService<JobRecipes>();
        while (!token.IsCancellationRequested)
        {
            var claimed = TryClaim(shared);
            if (claimed is null)
            {
                try
                {
                    await wake.WaitAsync(ReplicaSharing.Poll, token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                continue;
            }

            log.JobTaken(ReplicaSharing.Name, claimed.JobId, claimed.Kind);
            Job? job;
            try
            {
                job = recipes.Rebuild(claimed);
            }
            catch (Exception e) when (e is InvalidOperationException or System.Text.Json.JsonException)
            {
                job = null;
                log.JobUnreadable(claimed.JobId, claimed.Kind, e.Message);
            }

            if (job is null)
            {
                var failed = new Job(claimed.JobId, claimed.Kind, claimed.QueuedAt, (_, _) => Task.CompletedTask)
                {
                    StartedAt = claimed.StartedAt,
                    FinishedAt = DateTimeOffset.UtcNow,
                    Message = ServerMessages.UnknownRunKind(claimed.Kind),
                };
                failed.Status = JobStatus.Failed;
                failed.Progress = "failed";
                Record(failed, JobStatus.Failed);
                continue;
            }

            Keep(job);
            using var progress = CancellationTokenSource.CreateLinkedTokenSource(token);
            var publishing = PublishProgressAsync(shared, job, progress.Token);
            await RunAsync(job, token);
            await progress.CancelAsync();
            await publishing;
        }

        await listening;
    }

    private QueuedJob? TryClaim(IReplicaCoordinator shared)
    {
        try
        {
            return shared.Claim(ReplicaSharing.Name, DateTimeOffset.UtcNow);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            // The database is unreachable for now: try again at the next poll.
            log.JobQueueUnreadable(ReplicaSharing.Name, e.Message);
            return null;
        }
    }

    /// <summary>Writes the running job's progress to the shared row while it changes, so other replicas show it.</summary>
    private async Task PublishProgressAsync(IReplicaCoordinator shared, Job job, CancellationToken token)
    {
        var written = job.Progress;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Core.Defaults.ReplicaProgressSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(token))
            {
                if (job.Progress != written && job.Status == JobStatus.Running)
                {
                    written = job.Progress;
                    Update(shared, job, JobStatus.Running);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The job finished: its final state is written by Record.
        }
    }

    private async Task RunAsync(Job job, CancellationToken token)
    {
        job.StartedAt ??= DateTimeOffset.UtcNow;
        job.Status = JobStatus.Running;
        job.Progress = "started";
        Record(job, job.Status);
        // The outcome is recorded in the store before it is published on the job, so a client that sees
        // "succeeded" always finds the finished run record.
        var outcome = JobStatus.Failed;
        try
        {
            // Off the queue's thread: training is CPU-bound and synchronous.
            await Task.Run(() => job.Work(job, token), token);
            outcome = JobStatus.Succeeded;
            job.Progress = "done";
        }
        catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
        {
            outcome = JobStatus.Failed;
            job.Progress = "failed";
            if (e is ClienteleInputException or InvalidOperationException)
            {
                // An expected refusal (no model, no notes, bad input): the reason is enough, no stack trace.
                job.Message = e.Message;
                log.JobRefused(job.Id, job.Kind, e.Message);
            }
            else
            {
                job.Message = ServerMessages.JobFailed(e);
                log.JobFailed(e, job.Id, job.Kind);
            }
        }
        finally
        {
            job.FinishedAt = DateTimeOffset.UtcNow;
            Record(job, outcome);
            job.Status = outcome;
        }
    }

    private void Keep(Job job)
    {
        _jobs[job.Id] = job;
        _order.Enqueue(job.Id);
        while (_order.Count > KeptJobs && _order.TryDequeue(out var old))
        {
            if (_jobs.TryGetValue(old, out var j) && JobStatus.IsFinished(j.Status))
            {
                _jobs.TryRemove(old, out _);
            }
        }
    }

    private void Record(Job job, string status)
    {
        try
        {
            store.SaveRun(new RunRecord(job.Id, job.Kind, status, job.StartedAt ?? job.QueuedAt, job.FinishedAt, job.Clients, job.Version, job.Message));
        }
        catch (Exception e)
        {
            // The run record is bookkeeping: losing it must not fail the job itself.
            log.RunNotRecorded(e, job.Id);
        }

        if (_shared is not null && status != JobStatus.Queued)
        {
            Update(_shared, job, status);
        }
    }

    private void Update(IReplicaCoordinator shared, Job job, string status)
    {
        try
        {
            shared.Update(new QueuedJob(job.Id, job.Kind, status, job.QueuedAt, JobStatus.IsFinished(status) ? (status == JobStatus.Succeeded ? "done" : "failed") : job.Progress)
            {
                ClaimedBy = ReplicaSharing.Name,
                StartedAt = job.StartedAt,
                FinishedAt = job.FinishedAt,
                ModelVersion = job.Version,
                Clients = job.Clients,
                Message = job.Message,
                MetricsJson = job.Metrics?.ToJsonString(),
            });
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            log.JobStateNotShared(job.Id, e.Message);
        }
    }

    private void Announce(IReplicaCoordinator shared, string jobId)
    {
        try
        {
            shared.Announce(ReplicaSharing.JobsChannel, jobId);
        }
        catch (DbException e)
        {
            // Replicas find the job at their next poll.
            log.JobNotAnnounced(jobId, e.Message);
        }
    }

    private static Job FromRow(QueuedJob row)
    {
        var job = new Job(row.JobId, row.Kind, row.QueuedAt, (_, _) => Task.CompletedTask)
        {
            StartedAt = row.StartedAt,
            FinishedAt = row.FinishedAt,
            Version = row.ModelVersion,
            Clients = row.Clients,
            Message = row.Message,
            Metrics = row.MetricsJson is null ? null : JsonNode.Parse(row.MetricsJson) as JsonObject,
        };
        job.Status = row.Status;
        job.Progress = row.Progress;
        return job;
    }
}
