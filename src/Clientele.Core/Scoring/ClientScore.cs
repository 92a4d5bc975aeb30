namespace Clientele.Core.Scoring;

/// <summary>
/// The scores of one client (DESIGN §9). A target the model was not trained on is NaN. The reasons are typed
/// (<see cref="Explanation"/>) until an edge shows them: <see cref="Reasons"/> renders them with <see cref="ReasonText"/>.
/// </summary>
public sealed record ClientScore(
    string ClientId,
    double PurchaseProb,
    bool WillPurchase,
    double ChurnRisk,
    bool WillChurn,
    double PredictedClv,
    string ValueSegment,
    string RiskSegment,
    ClientReasons Explanation)
{
    /// <summary>A score whose reasons are already text (read back from a store).</summary>
    public ClientScore(string clientId, double purchaseProb, bool willPurchase, double churnRisk, bool willChurn, double predictedClv,
        string valueSegment, string riskSegment, string reasons)
        : this(clientId, purchaseProb, willPurchase, churnRisk, willChurn, predictedClv, valueSegment, riskSegment, ClientReasons.FromText(reasons))
    {
    }

    /// <summary>The reasons as text: "purchase: + exclusive, − hesitant; churn: …".</summary>
    public string Reasons => Explanation.ToString();
}
