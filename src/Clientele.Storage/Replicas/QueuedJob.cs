namespace Clientele.Storage.Replicas;

/// <summary>
/// A job in the shared queue: what to run (<see cref="Kind"/> and its <see cref="Payload"/>, JSON) and its observable
/// state. <see cref="ClaimedBy"/> names the replica that took it.
/// </summary>
public sealed record QueuedJob(
    string JobId,
    string Kind,
    string Status,
    DateTimeOffset QueuedAt,
    string Progress,
    string? Payload = null)
{
    public string? ClaimedBy { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public string? ModelVersion { get; init; }

    public int Clients { get; init; }

    public string? Message { get; init; }

    public string? MetricsJson { get; init; }
}
