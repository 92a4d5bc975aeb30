using Clientele.Core.History;

namespace Clientele.Core.Features.Blocks;

/// <summary>
/// The purchase history as of the row's reference date: RFM, inter-purchase gaps, spend trend, season and the
/// BG/NBD × Gamma-Gamma outputs of the parameters fitted at training (<see cref="BtydState"/>). Only days on or
/// before the reference date are read, so later transactions never reach a feature.
/// </summary>
internal sealed class PurchaseBlock(BtydState btyd) : NamedColumnsBlock(
    "purchase:", FeatureKind.Purchase,
    ["no_purchase", "purchase_days", "frequency", "recency_days", "age_days", "days_since_last", "monetary_value", "total_spend", "mean_gap_days", "sd_gap_days",
        "spend_trend", "season_share", "btyd_p_alive", "btyd_expected_purchases", "btyd_p_purchase_horizon", "btyd_p_purchase_churn_window", "btyd_expected_spend", "btyd_clv"],
    i => new PurchaseSubject((PurchaseColumn)i))
{
    /// <summary>Half a year: the spend trend compares the last two of them (one luxury season against the one before).</summary>
    private const int TrendHalfDays = 182;

    public BtydState Btyd { get; } = btyd;

    public override void Write(in FeatureRow row, Span<float> destination)
    {
        if (row.Reference is not { } asOf || row.Purchases is not { } purchases || purchases.Rfm(asOf) is not { } rfm)
        {
            destination[(int)PurchaseColumn.NoPurchase] = 1;
            return;
        }

        destination[(int)PurchaseColumn.PurchaseDays] = rfm.Frequency + 1;
        destination[(int)PurchaseColumn.Frequency] = rfm.Frequency;
        destination[(int)PurchaseColumn.RecencyDays] = (float)rfm.Recency;
        destination[(int)PurchaseColumn.AgeDays] = (float)rfm.T;
        destination[(int)PurchaseColumn.DaysSinceLast] = rfm.DaysSinceLast;
        destination[(int)PurchaseColumn.MonetaryValue] = (float)rfm.MonetaryValue;
        destination[(int)PurchaseColumn.TotalSpend] = (float)rfm.TotalSpend;
        WriteGaps(purchases, asOf, destination);
        var recent = purchases.NetSpend(asOf.AddDays(-TrendHalfDays), asOf);
        var earlier = purchases.NetSpend(asOf.AddDays(-2 * TrendHalfDays), asOf.AddDays(-TrendHalfDays));
        var scale = Math.Abs(recent) + Math.Abs(earlier);
        destination[(int)PurchaseColumn.SpendTrend] = scale > 0 ? (float)((recent - earlier) / scale) : 0;
        var scores = Btyd.Score(rfm);
        destination[(int)PurchaseColumn.BtydProbabilityAlive] = (float)scores.ProbabilityAlive;
        destination[(int)PurchaseColumn.BtydExpectedPurchases] = (float)scores.ExpectedPurchases;
        destination[(int)PurchaseColumn.BtydPurchaseWithinHorizon] = (float)scores.PurchaseWithinHorizon;
        destination[(int)PurchaseColumn.BtydPurchaseWithinChurn] = (float)scores.PurchaseWithinChurn;
        destination[(int)PurchaseColumn.BtydExpectedSpend] = (float)scores.ExpectedSpend;
        destination[(int)PurchaseColumn.BtydClv] = (float)scores.Clv;
    }

    /// <summary>Mean and sd of the gaps between purchase days, and the share of purchase days in the reference date's quarter.</summary>
    private static void WriteGaps(ClientPurchases purchases, DateOnly asOf, Span<float> destination)
    {
        var end = purchases.End(asOf);
        var quarter = (asOf.Month - 1) / 3;
        int previous = -1, gaps = 0, days = 0, inQuarter = 0;
        double sum = 0, squares = 0;
        for (var i = 0; i < end; i++)
        {
            if (!DailyNet.IsPurchase(purchases.Nets[i]))
            {
                continue;
            }

            var day = purchases.Days[i];
            days++;
            inQuarter += (DateOnly.FromDayNumber(day).Month - 1) / 3 == quarter ? 1 : 0;
            if (previous >= 0)
            {
                var gap = day - previous;
                sum += gap;
                squares += (double)gap * gap;
                gaps++;
            }

            previous = day;
        }

        if (gaps > 0)
        {
            var mean = sum / gaps;
            destination[(int)PurchaseColumn.MeanGapDays] = (float)mean;
            destination[(int)PurchaseColumn.SdGapDays] = (float)Math.Sqrt(Math.Max(0, (squares / gaps) - (mean * mean)));
        }

        destination[(int)PurchaseColumn.SeasonShare] = days > 0 ? (float)inQuarter / days : 0;
    }
}
