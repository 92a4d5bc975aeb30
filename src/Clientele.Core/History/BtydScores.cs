namespace Clientele.Core.History;

/// <summary>
/// One client's BG/NBD × Gamma-Gamma figures as of a date, over the <see cref="PurchaseWindows"/>: the scores every
/// comparison uses (churn is 1 − <see cref="PurchaseWithinChurn"/>, not 1 − P(alive)).
/// </summary>
public readonly record struct BtydScores(
    double ProbabilityAlive,
    double ExpectedPurchases,
    double PurchaseWithinHorizon,
    double PurchaseWithinChurn,
    double ExpectedSpend,
    double Clv);
