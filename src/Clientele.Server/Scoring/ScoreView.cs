using Clientele.Core.Scoring;

namespace Clientele.Server.Scoring;

/// <summary>A score as the API shows it (DESIGN §9 names); a target the model lacks is null, never NaN.</summary>
public sealed record ScoreView(
    string ClientId,
    double? PurchaseProb,
    bool? WillPurchase,
    double? ChurnRisk,
    bool? WillChurn,
    double? PredictedClv,
    string ValueSegment,
    string RiskSegment,
    string Reasons)
{
    public static ScoreView From(ClientScore s) => new(
        s.ClientId,
        Num(s.PurchaseProb, 4),
        double.IsNaN(s.PurchaseProb) ? null : s.WillPurchase,
        Num(s.ChurnRisk, 4),
        double.IsNaN(s.ChurnRisk) ? null : s.WillChurn,
        Num(s.PredictedClv, 2),
        s.ValueSegment,
        s.RiskSegment,
        s.Reasons);

    private static double? Num(double v, int digits) => double.IsFinite(v) ? Math.Round(v, digits) : null;
}
