using Clientele.Core.History;

namespace Clientele.Workflows.Purchases;

/// <summary>
/// One client's purchase history as the client page shows it, as of a date: the transactions on or before it (later
/// ones counted, not shown), days since the last purchase day, net spend, orders, and the BG/NBD × Gamma-Gamma figures
/// of the bundle's fitted models when it has them (else <see cref="Btyd"/> is null and <see cref="BtydReason"/> says why).
/// </summary>
/// <param name="AsOf">The date the figures are taken at.</param>
/// <param name="Transactions">The client's transactions on or before <paramref name="AsOf"/>, oldest first.</param>
/// <param name="AfterAsOf">Transactions dated after <paramref name="AsOf"/>, left out.</param>
/// <param name="DaysSinceLastPurchase">Days from the last purchase day to <paramref name="AsOf"/>; null when none.</param>
/// <param name="TotalSpend">Net spend (returns subtract).</param>
/// <param name="OrderCount">Transactions that are not returns (amount ≥ 0).</param>
/// <param name="Btyd">The field's models' figures; null when <paramref name="BtydReason"/> says why not.</param>
/// <param name="BtydReason">Why there are no BTYD figures; null when there are.</param>
public sealed record PurchaseSummary(
    DateOnly AsOf,
    IReadOnlyList<PurchaseLine> Transactions,
    int AfterAsOf,
    int? DaysSinceLastPurchase,
    double TotalSpend,
    int OrderCount,
    BtydFigures? Btyd,
    string? BtydReason)
{
    /// <summary>
    /// The summary of <paramref name="transactions"/> (one client's) as of <paramref name="asOf"/>, with the figures of
    /// <paramref name="btyd"/> (the active bundle's fitted models; null: <paramref name="noBtyd"/> is the reason).
    /// </summary>
    public static PurchaseSummary Of(IReadOnlyList<Transaction> transactions, DateOnly asOf, BtydState? btyd, string noBtyd)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        var kept = transactions.Where(t => t.Date <= asOf).OrderBy(t => t.Date).ToList();
        var history = PurchaseLedger.From(kept).For(kept.Count > 0 ? kept[0].ClientId : string.Empty);
        var rfm = history?.Rfm(asOf);
        BtydFigures? figures = null;
        string? reason = null;
        if (rfm is null)
        {
            reason = WorkflowMessages.NoPurchaseByAsOf;
        }
        else if (btyd is null)
        {
            reason = noBtyd;
        }
        else
        {
            var s = btyd.Score(rfm);
            figures = new BtydFigures(s.ProbabilityAlive, s.ExpectedPurchases, btyd.Windows.HorizonDays, s.Clv, btyd.Windows.ValueDays, btyd.FittedAsOf);
        }

        return new PurchaseSummary(asOf, kept.Select(t => new PurchaseLine(t.Date, t.Amount, t.Currency)).ToList(), transactions.Count - kept.Count,
            rfm?.DaysSinceLast, kept.Sum(t => t.Amount), kept.Count(t => t.Amount >= 0), figures, reason);
    }
}
