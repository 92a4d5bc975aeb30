using Clientele.Storage.Privacy;
using Dapper;
using Medallion.Threading.Postgres;
using Npgsql;

namespace Clientele.Storage.Replicas;

/// <summary>
/// <see cref="IReplicaCoordinator"/> on PostgreSQL: pg_notify and LISTEN on a connection of its own, advisory locks
/// through DistributedLock.Postgres, and the <c>jobs</c> table (schema step 8) claimed with FOR UPDATE SKIP LOCKED.
/// </summary>
internal sealed class PostgresReplicas(NpgsqlDataSource dataSource, string connectionString, Func<DataKeyRing?> keys) : IReplicaCoordinator
{
    /// <summary>After a lost LISTEN connection, wait this long before reconnecting: the poll covers the gap meanwhile.</summary>
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);

    private const string Columns =
        "job_id, kind, status, queued_at, progress, claimed_by, started_at, finished_at, model_version, clients, message, metrics_json";

    public void Announce(string channel, string message)
    {
        using var c = dataSource.OpenConnection();
        c.Execute("SELECT pg_notify(@channel, @message)", new { channel, message });
    }

    public async Task ListenAsync(IReadOnlyCollection<string> channels, Action<string, string> received, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            try
            {
                // Not from the pool: a listening connection stays open for the life of the process.
                await using var c = new NpgsqlConnection(connectionString);
                await c.OpenAsync(token);
                c.Notification += (_, e) => received(e.Channel, e.Payload);
                foreach (var channel in channels)
                {
                    await using var listen = new NpgsqlCommand($"LISTEN \"{channel.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", c);
                    await listen.ExecuteNonQueryAsync(token);
                }

                while (true)
                {
                    await c.WaitAsync(token);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                await Task.Delay(ReconnectDelay, token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public async Task<IAsyncDisposable> LockAsync(string name, CancellationToken token)
    {
        var distributed = new PostgresDistributedLock(new PostgresAdvisoryLockKey(name, allowHashing: true), connectionString);
        return await distributed.AcquireAsync(timeout: null, token);
    }

    public JobEnqueueResult Enqueue(QueuedJob job, int maxWaiting)
    {
        ArgumentNullException.ThrowIfNull(job);
        var (payload, payloadKey) = Seal(job.JobId, job.Payload);
        using var c = dataSource.OpenConnection();
        using var tx = c.BeginTransaction();
        // One enqueue at a time, so the count of waiting jobs and the insert agree.
        c.Execute("SELECT pg_advisory_xact_lock(hashtext('clientele.jobs.enqueue'))", transaction: tx);
        if (c.ExecuteScalar<long>("SELECT COUNT(*) FROM jobs WHERE job_id = @JobId", new { job.JobId }, tx) > 0)
        {
            return JobEnqueueResult.AlreadyQueued;
        }

        if (c.ExecuteScalar<long>("SELECT COUNT(*) FROM jobs WHERE status = 'queued'", transaction: tx) >= maxWaiting)
        {
            return JobEnqueueResult.Full;
        }

        c.Execute(
            """
            INSERT INTO jobs (job_id, kind, status, payload, payload_key, queued_at, progress, clients)
            VALUES (@JobId, @Kind, @Status, @payload, @payloadKey, @QueuedAt, @Progress, 0)
            """,
            new { job.JobId, job.Kind, job.Status, payload, payloadKey, QueuedAt = job.QueuedAt.ToUniversalTime(), job.Progress },
            tx);
        tx.Commit();
        return JobEnqueueResult.Queued;
    }

    public QueuedJob? Claim(string replica, DateTimeOffset at)
    {
        using var c = dataSource.OpenConnection();
        var row = c.QuerySingleOrDefault<ClaimedRow>(
            """
            WITH next AS (
                SELECT job_id, payload, payload_key FROM jobs WHERE status = 'queued'
                ORDER BY queued_at, job_id LIMIT 1 FOR UPDATE SKIP LOCKED)
            UPDATE jobs SET status = 'running', progress = 'started', claimed_by = @replica, started_at = @at, payload = NULL, payload_key = NULL
            FROM next WHERE jobs.job_id = next.job_id
            RETURNING jobs.job_id AS JobId, jobs.kind AS Kind, jobs.queued_at AS QueuedAt, next.payload AS Payload, next.payload_key AS PayloadKey
            """,
            new { replica, at = at.ToUniversalTime() });
        if (row is null)
        {
            return null;
        }

        return new QueuedJob(row.JobId, row.Kind, "running", new DateTimeOffset(row.QueuedAt, TimeSpan.Zero), "started", Open(row.JobId, row.Payload, row.PayloadKey))
        {
            ClaimedBy = replica,
            StartedAt = at,
        };
    }

    public void Update(QueuedJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        using var c = dataSource.OpenConnection();
        c.Execute(
            """
            UPDATE jobs SET status = @Status, progress = @Progress, started_at = @StartedAt, finished_at = @FinishedAt,
                model_version = @ModelVersion, clients = @Clients, message = @Message, metrics_json = @MetricsJson
            WHERE job_id = @JobId
            """,
            new
            {
                job.JobId,
                job.Status,
                job.Progress,
                StartedAt = job.StartedAt?.ToUniversalTime(),
                FinishedAt = job.FinishedAt?.ToUniversalTime(),
                job.ModelVersion,
                job.Clients,
                job.Message,
                job.MetricsJson,
            });
    }

    public QueuedJob? Find(string jobId)
    {
        using var c = dataSource.OpenConnection();
        using var reader = (System.Data.Common.DbDataReader)c.ExecuteReader($"SELECT {Columns} FROM jobs WHERE job_id = @jobId", new { jobId });
        if (!reader.Read())
        {
            return null;
        }

        return new QueuedJob(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4))
        {
            ClaimedBy = reader.IsDBNull(5) ? null : reader.GetString(5),
            StartedAt = reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
            FinishedAt = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
            ModelVersion = reader.IsDBNull(8) ? null : reader.GetString(8),
            Clients = reader.GetInt32(9),
            Message = reader.IsDBNull(10) ? null : reader.GetString(10),
            MetricsJson = reader.IsDBNull(11) ? null : reader.GetString(11),
        };
    }

    // The job id is the associated data, so a sealed payload cannot be moved to another job's row.
    private (string? Body, string? KeyId) Seal(string jobId, string? payload) =>
        payload is null ? (null, null) : keys() is { } ring ? (ring.Seal(payload, jobId), ring.CurrentId) : (payload, null);

    private string? Open(string jobId, string? body, string? keyId)
    {
        if (body is null || keyId is null)
        {
            return body;
        }

        return keys() is { } ring ? ring.Open(body, keyId, jobId) : throw new InvalidOperationException(DataKeyRing.MissingKey(keyId));
    }

    private sealed record ClaimedRow(string JobId, string Kind, DateTime QueuedAt, string? Payload, string? PayloadKey);
}
