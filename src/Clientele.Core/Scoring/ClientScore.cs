namespace Clientele.Core.Scoring;

/// <summary>The scores of one client (DESIGN §9). A target the model was not trained on is NaN.</summary>
public sealed record ClientScore(
    string ClientId,
    double PurchaseProb,
    bool WillPurchase,
    double ChurnRisk,
    bool WillChurn,
    double PredictedClv,
    string ValueSegment,
    string RiskSegment,
    string Reasons);
