using System.Collections.Concurrent;
using System.Threading.Channels;
using Clientele.Core.Errors;
using Clientele.Storage.Store;
using Microsoft.Extensions.Options;

namespace Clientele.Server.Jobs;

/// <summary>
/// Runs background jobs one at a time, in order: training takes both cores, and two trainings at once
/// would each take twice as long. Every job is recorded as a run in the store when it starts and ends,
/// so a failure is visible with its reason; a failed job changes neither scores nor the active model.
/// </summary>
public sealed class JobQueue(IClienteleStore store, IOptions<ServerOptions> options, ILogger<JobQueue> log) : BackgroundService
{
    private const int KeptJobs = 200;

    private readonly Channel<Job> _channel = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private int _pending;

    /// <summary>Queues a job; false when the queue is full.</summary>
    public bool TryEnqueue(Job job)
    {
        if (Interlocked.Increment(ref _pending) > options.Value.MaxQueuedJobs)
        {
            Interlocked.Decrement(ref _pending);
            return false;
        }

        _jobs[job.Id] = job;
        _order.Enqueue(job.Id);
        while (_order.Count > KeptJobs && _order.TryDequeue(out var old))
        {
            if (_jobs.TryGetValue(old, out var j) && JobStatus.IsFinished(j.Status))
            {
                _jobs.TryRemove(old, out _);
            }
        }

        Record(job, job.Status);
        _channel.Writer.TryWrite(job);
        return true;
    }

    public Job? Find(string id) => _jobs.GetValueOrDefault(id);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in _channel.Reader.ReadAllAsync(stoppingToken))
        {
            await RunAsync(job, stoppingToken);
            Interlocked.Decrement(ref _pending);
        }
    }

    private async Task RunAsync(Job job, CancellationToken token)
    {
        job.StartedAt = DateTimeOffset.UtcNow;
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
                log.LogWarning("Job {Id} ({Kind}) failed: {Reason}", job.Id, job.Kind, e.Message);
            }
            else
            {
                job.Message = ServerMessages.JobFailed(e);
                log.LogError(e, "Job {Id} ({Kind}) failed", job.Id, job.Kind);
            }
        }
        finally
        {
            job.FinishedAt = DateTimeOffset.UtcNow;
            Record(job, outcome);
            job.Status = outcome;
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
            log.LogError(e, "Could not record run {Id}", job.Id);
        }
    }
}
