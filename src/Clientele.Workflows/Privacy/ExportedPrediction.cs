namespace Clientele.Workflows.Privacy;

/// <summary>One past prediction of the client, newest first.</summary>
public sealed record ExportedPrediction(
    string ModelVersion,
    DateTimeOffset ScoredAt,
    double? PurchaseProb,
    bool WillPurchase,
    double? ChurnRisk,
    bool WillChurn,
    double? PredictedClv,
    string ValueSegment,
    string RiskSegment,
    string Reasons);
