namespace Clientele.Storage.Replicas;

/// <summary>
/// What several server processes on one PostgreSQL share beyond the tables: notifications (LISTEN/NOTIFY), named
/// advisory locks (DistributedLock.Postgres) and the job queue any of them may take work from. Only a store that
/// can be shared offers it (<see cref="Store.PostgresStore.Replicas"/>); a SQLite store serves one process.
/// </summary>
public interface IReplicaCoordinator
{
    /// <summary>Sends <paramref name="message"/> to every process listening on <paramref name="channel"/> (pg_notify).</summary>
    void Announce(string channel, string message);

    /// <summary>
    /// Calls <paramref name="received"/> with (channel, message) for each notification on the channels until
    /// <paramref name="token"/> is cancelled, reconnecting after a lost connection; callers also poll, since a
    /// notification sent while the connection was down is lost.
    /// </summary>
    Task ListenAsync(IReadOnlyCollection<string> channels, Action<string, string> received, CancellationToken token);

    /// <summary>Holds the named lock across every process on the database until the result is disposed; waits for it.</summary>
    Task<IAsyncDisposable> LockAsync(string name, CancellationToken token);

    /// <summary>
    /// Queues a job unless one with its id exists (a schedule's firing, queued by every replica under one id) or
    /// <paramref name="maxWaiting"/> jobs already wait.
    /// </summary>
    JobEnqueueResult Enqueue(QueuedJob job, int maxWaiting);

    /// <summary>
    /// Takes the oldest waiting job for <paramref name="replica"/> (FOR UPDATE SKIP LOCKED: two replicas never take the
    /// same one) and marks it running; its payload is returned and cleared from the table. Null when none waits.
    /// </summary>
    QueuedJob? Claim(string replica, DateTimeOffset at);

    /// <summary>Writes a job's state (status, progress, times, outcome); the payload is left as it is.</summary>
    void Update(QueuedJob job);

    /// <summary>The job with this id, without its payload; null when unknown.</summary>
    QueuedJob? Find(string jobId);
}
