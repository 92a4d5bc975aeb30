using System.Text.Json.Nodes;

namespace Clientele.Server.Jobs;

/// <summary>
/// One unit of background work (a training, a nightly scoring, a weekly retraining) with its observable
/// state. Fields are written by the worker and read by status requests; each is a single reference or
/// value write, so a reader sees a consistent enough picture without locks.
/// </summary>
public sealed class Job(string kind, Func<Job, CancellationToken, Task> work)
{
    public string Id { get; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>"train", "nightly-score" or "weekly-retrain" (also the run kind in the store).</summary>
    public string Kind { get; } = kind;

    // Volatile: the worker writes these while status requests read them on other threads.
    private volatile string _status = JobStatus.Queued;
    private volatile string _progress = "queued";

    /// <summary>One of <see cref="JobStatus"/>'s values.</summary>
    public string Status { get => _status; set => _status = value; }

    /// <summary>The stage the job is at ("queued", "started", "scoring", …, "done" or "failed").</summary>
    public string Progress { get => _progress; set => _progress = value; }

    public DateTimeOffset QueuedAt { get; } = DateTimeOffset.UtcNow;

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The model version trained or used.</summary>
    public string? Version { get; set; }

    public int Clients { get; set; }

    /// <summary>Why it failed, or a short outcome line.</summary>
    public string? Message { get; set; }

    /// <summary>Training metrics (the bundle's report), when the job trained a model.</summary>
    public JsonObject? Metrics { get; set; }

    internal Func<Job, CancellationToken, Task> Work { get; } = work;

    /// <summary>
    /// What another replica needs to run this job (JSON, see <see cref="JobRecipes"/>); asked only when the queue is
    /// shared, so a single server never serialises an upload. Null: the kind alone says it.
    /// </summary>
    internal Func<string>? Describe { get; init; }

    /// <summary>A job known by its id: taken from the shared queue, or a schedule's firing named after its due minute.</summary>
    internal Job(string id, string kind, DateTimeOffset queuedAt, Func<Job, CancellationToken, Task> work)
        : this(kind, work)
    {
        Id = id;
        QueuedAt = queuedAt;
    }
}
