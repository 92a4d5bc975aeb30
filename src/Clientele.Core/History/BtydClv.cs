namespace Clientele.Core.History;

/// <summary>
/// Customer lifetime value from BG/NBD purchases and Gamma-Gamma spend, the discrete monthly way (as the lifetimes
/// library does it): month i contributes the purchases expected in it, E[X(T, i·30 days)] − E[X(T, (i−1)·30 days)]
/// conditional on the client's history, times the expected spend per purchase, discounted by (1 + d)^i.
/// </summary>
public static class BtydClv
{
    /// <summary>A month is 30 days: the convention of the published CLV tables, close enough to 365.25/12 for a discounted sum.</summary>
    public const double DaysPerMonth = 30.0;

    /// <param name="bgnbd">Purchase model.</param>
    /// <param name="gammaGamma">Spend model.</param>
    /// <param name="x">Repeat purchase days (frequency).</param>
    /// <param name="tx">Recency, in <paramref name="period"/>.</param>
    /// <param name="T">Age, in <paramref name="period"/>.</param>
    /// <param name="m">Mean spend of the repeat days (monetary value).</param>
    /// <param name="months">Horizon in months.</param>
    /// <param name="monthlyDiscount">Discount rate per month (0.01 ≈ 12.7 % a year).</param>
    /// <param name="period">The time unit the models were fitted in.</param>
    public static double Compute(BgNbdModel bgnbd, GammaGammaModel gammaGamma, double x, double tx, double T, double m, int months, double monthlyDiscount, Period period)
    {
        ArgumentNullException.ThrowIfNull(bgnbd);
        ArgumentNullException.ThrowIfNull(gammaGamma);
        var month = DaysPerMonth / RfmSummary.DaysPer(period);
        var spend = gammaGamma.ExpectedAverageSpend(x, m);
        var clv = 0.0;
        var previous = 0.0;
        for (var i = 1; i <= months; i++)
        {
            var cumulative = bgnbd.ExpectedPurchases(i * month, x, tx, T);
            clv += (cumulative - previous) / Math.Pow(1 + monthlyDiscount, i);
            previous = cumulative;
        }

        return clv * spend;
    }
}
