using Clientele.Core.Scoring;

namespace Clientele.Storage.Store;

/// <summary>A client as the store keeps it: id, display name (e.g. "Mme Laurent", may be empty), first/last note dates, note count.</summary>
public sealed record ClientRecord(string ClientId, string DisplayName, DateOnly? FirstNote, DateOnly? LastNote, int NoteCount, string? Languages);

/// <summary>A stored note.</summary>
public sealed record NoteRecord(string ClientId, DateOnly? Date, string? Language, string Text);

/// <summary>A detected concept of a client (aggregated: how often it appeared).</summary>
public sealed record ConceptRecord(string ClientId, string ConceptId, string Label, string Category, int Count);

/// <summary>One prediction of one client by one model version at one time (history is kept).</summary>
public sealed record PredictionRecord(string ClientId, string ModelVersion, DateTimeOffset ScoredAt, ClientScore Score);

/// <summary>A trained model version: where its bundle lives, its tier, metrics JSON and whether it is the active one.</summary>
public sealed record ModelVersionRecord(string Version, string Tier, string BundlePath, DateTimeOffset CreatedAt, string MetricsJson, bool Active);

/// <summary>One training run or scheduled job run: kind ("train", "nightly-score", "weekly-retrain"), status, timings, outcome.</summary>
public sealed record RunRecord(
    string RunId,
    string Kind,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    int Clients,
    string? ModelVersion,
    string? Message);

/// <summary>Filter and page of the client list.</summary>
public sealed record ClientQuery(string? ValueSegment = null, string? RiskSegment = null, string? Search = null, int Page = 1, int PageSize = 50);

/// <summary>A client row of the list: the client with its latest scores.</summary>
public sealed record ClientSummary(ClientRecord Client, PredictionRecord? Latest);
