namespace Clientele.Server;

/// <summary>
/// Every log line the server writes, in one place (compiled by the LoggerMessage generator: no boxing, no parsing of
/// the template per call, nothing done when the level is off). Like <see cref="ServerMessages"/>, these name ids,
/// versions, counts and reasons, never the text of a note. Event ids: 1xx server and requests, 2xx models, 3xx jobs,
/// 4xx schedules, 5xx replicas, 6xx audit.
/// </summary>
internal static partial class ServerLog
{
    [LoggerMessage(101, LogLevel.Warning, "{Count} runs left unfinished by an earlier process marked failed")]
    public static partial void UnfinishedRunsFailed(this ILogger log, int count);

    [LoggerMessage(102, LogLevel.Error, "Unhandled error on {Method} {Path}")]
    public static partial void UnhandledError(this ILogger log, Exception exception, string method, PathString path);

    /// <summary>The title names file, line and column only, never the content of a note.</summary>
    [LoggerMessage(103, LogLevel.Information, "Request refused ({Status}) on {Path}: {Title}")]
    public static partial void RequestRefused(this ILogger log, int status, PathString path, string title);

    [LoggerMessage(201, LogLevel.Information, "Model version {Version} ({Tier}) is now active")]
    public static partial void ModelActivated(this ILogger log, string version, string tier);

    [LoggerMessage(202, LogLevel.Warning, "Activation of {Version} not announced to other replicas: {Reason}")]
    public static partial void ActivationNotAnnounced(this ILogger log, string version, string reason);

    [LoggerMessage(203, LogLevel.Error, "No model activated at start: {Reason}")]
    public static partial void NoModelAtStart(this ILogger log, string reason);

    [LoggerMessage(204, LogLevel.Error, "Activation of {Version} failed: {Reason}")]
    public static partial void ActivationFailed(this ILogger log, string version, string reason);

    [LoggerMessage(205, LogLevel.Information, "Trained version {Version} on {Clients} clients")]
    public static partial void Trained(this ILogger log, string version, int clients);

    [LoggerMessage(301, LogLevel.Information, "Job {Id} ({Kind}) was already queued by another replica")]
    public static partial void JobAlreadyQueued(this ILogger log, string id, string kind);

    [LoggerMessage(302, LogLevel.Information, "Replica {Replica} took job {Id} ({Kind})")]
    public static partial void JobTaken(this ILogger log, string replica, string id, string kind);

    [LoggerMessage(303, LogLevel.Error, "Job {Id} ({Kind}) could not be read: {Reason}")]
    public static partial void JobUnreadable(this ILogger log, string id, string kind, string reason);

    [LoggerMessage(304, LogLevel.Error, "Replica {Replica} could not read the job queue: {Reason}")]
    public static partial void JobQueueUnreadable(this ILogger log, string replica, string reason);

    /// <summary>An expected refusal (no model, no notes, bad input): the reason is enough, no stack trace.</summary>
    [LoggerMessage(305, LogLevel.Warning, "Job {Id} ({Kind}) failed: {Reason}")]
    public static partial void JobRefused(this ILogger log, string id, string kind, string reason);

    [LoggerMessage(306, LogLevel.Error, "Job {Id} ({Kind}) failed")]
    public static partial void JobFailed(this ILogger log, Exception exception, string id, string kind);

    [LoggerMessage(307, LogLevel.Error, "Could not record run {Id}")]
    public static partial void RunNotRecorded(this ILogger log, Exception exception, string id);

    [LoggerMessage(308, LogLevel.Error, "Could not write the state of job {Id} to the shared queue: {Reason}")]
    public static partial void JobStateNotShared(this ILogger log, string id, string reason);

    [LoggerMessage(309, LogLevel.Warning, "Job {Id} not announced to other replicas: {Reason}")]
    public static partial void JobNotAnnounced(this ILogger log, string id, string reason);

    [LoggerMessage(401, LogLevel.Information, "Schedule {Kind} is due")]
    public static partial void ScheduleDue(this ILogger log, string kind);

    [LoggerMessage(402, LogLevel.Warning, "Schedule {Kind} skipped: the job queue is full")]
    public static partial void ScheduleSkipped(this ILogger log, string kind);

    [LoggerMessage(403, LogLevel.Error, "{Message}")]
    public static partial void BadSchedule(this ILogger log, string message);

    [LoggerMessage(501, LogLevel.Information, "Replica {Replica} now serves {Version}, activated elsewhere")]
    public static partial void FollowedActivation(this ILogger log, string replica, string version);

    [LoggerMessage(502, LogLevel.Information, "Replica {Replica} loaded version {Version} ahead of an activation")]
    public static partial void PreparedVersion(this ILogger log, string replica, string version);

    [LoggerMessage(503, LogLevel.Error, "Replica {Replica} could not load the version activated elsewhere: {Reason}")]
    public static partial void FollowFailed(this ILogger log, string replica, string reason);

    [LoggerMessage(601, LogLevel.Error, "Could not record audit entry {Action}")]
    public static partial void AuditEntryNotRecorded(this ILogger log, Exception exception, string action);
}
