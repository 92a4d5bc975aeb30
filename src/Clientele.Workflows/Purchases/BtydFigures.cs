namespace Clientele.Workflows.Purchases;

/// <summary>
/// A client's BG/NBD × Gamma-Gamma figures from a bundle's fitted models: P(alive), the purchases expected within the
/// horizon, and the BTYD CLV over the value window (discounted monthly), beside which Clientele's own CLV is shown.
/// </summary>
public sealed record BtydFigures(double ProbabilityAlive, double ExpectedPurchases, int HorizonDays, double Clv, int ValueDays, DateOnly FittedAsOf);
