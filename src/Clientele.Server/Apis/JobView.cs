using System.Text.Json.Nodes;
using Clientele.Server.Jobs;

namespace Clientele.Server.Apis;

/// <summary>A job's state as <c>GET /api/jobs/{id}</c> shows it.</summary>
public sealed record JobView(string Id, string Kind, string Status, string Progress, DateTimeOffset QueuedAt, DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt, string? Version, int Clients, string? Message, JsonObject? Metrics)
{
    public static JobView From(Job j) => new(j.Id, j.Kind, j.Status, j.Progress, j.QueuedAt, j.StartedAt, j.FinishedAt, j.Version, j.Clients, j.Message,
        j.Metrics is null ? null : (JsonObject)j.Metrics.DeepClone());
}
