namespace Clientele.Core.Features;

/// <summary>The purchase-history columns (present when a model is trained with transactions), in column order.</summary>
public enum PurchaseColumn
{
    /// <summary>Flags a client with no purchase day up to the reference date (every other column is 0 then).</summary>
    NoPurchase,
    PurchaseDays,

    /// <summary>Repeat purchase days (purchase days − 1), the BG/NBD x.</summary>
    Frequency,
    RecencyDays,
    AgeDays,
    DaysSinceLast,

    /// <summary>Mean spend of the repeat days (the Gamma-Gamma m).</summary>
    MonetaryValue,
    TotalSpend,
    MeanGapDays,
    SdGapDays,

    /// <summary>(recent − earlier) / (recent + earlier) of the spend in the two half-years before the reference date.</summary>
    SpendTrend,

    /// <summary>Share of purchase days in the calendar quarter of the reference date (seasonal buyers).</summary>
    SeasonShare,
    BtydProbabilityAlive,
    BtydExpectedPurchases,
    BtydPurchaseWithinHorizon,
    BtydPurchaseWithinChurn,
    BtydExpectedSpend,
    BtydClv,
}
