namespace Clientele.Workflows.Privacy;

/// <summary>A model version that scored the client: its tier and when it was trained (null when no longer registered).</summary>
public sealed record ExportedModel(string Version, string? Tier, DateTimeOffset? CreatedAt);
