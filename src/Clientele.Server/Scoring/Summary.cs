namespace Clientele.Server.Scoring;

/// <summary>What the dashboard's overview shows: KPIs, distributions, segment counts, top concepts, call list.</summary>
public sealed record Summary(
    int Clients,
    double? AveragePurchase,
    double? AverageChurn,
    double? AverageClv,
    IReadOnlyDictionary<string, int> ValueSegments,
    IReadOnlyDictionary<string, int> RiskSegments,
    Histogram Purchase,
    Histogram Churn,
    Histogram Clv,
    IReadOnlyList<ConceptCount> TopConcepts,
    IReadOnlyList<CallListEntry> CallList,
    string? ActiveVersion,
    DateTimeOffset? LastScoredAt);

/// <summary>Equal-width bins from <c>Min</c> to <c>Max</c>; <c>Counts[i]</c> clients in bin i.</summary>
public sealed record Histogram(double Min, double Max, IReadOnlyList<int> Counts);

/// <summary>A concept and how many scored clients mention it.</summary>
public sealed record ConceptCount(string ConceptId, string Label, string Category, int Clients);

/// <summary>A high-value client at risk: whom to call first, and why.</summary>
public sealed record CallListEntry(string ClientId, string DisplayName, ScoreView Score);
