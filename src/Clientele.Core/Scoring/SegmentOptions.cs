namespace Clientele.Core.Scoring;

/// <summary>
/// How training sets the segment cut points (a train option): value bands at quantiles of predicted CLV on the
/// training population, risk bands at odds ratios to the training population's churn rate, or either axis fixed.
/// </summary>
public sealed record SegmentOptions
{
    /// <summary>Quantiles of predicted CLV the Low / Medium / High / VIP bounds sit at (see <see cref="Defaults.ValueQuantiles"/>).</summary>
    public IReadOnlyList<double> ValueQuantiles { get; init; } = Defaults.ValueQuantiles;

    /// <summary>Odds ratios to the population's churn odds the Safe / Monitor / At Risk / Critical bounds sit at (see <see cref="Defaults.RiskOddsRatios"/>).</summary>
    public IReadOnlyList<double> RiskOddsRatios { get; init; } = Defaults.RiskOddsRatios;

    /// <summary>Fixed CLV bounds instead of quantiles (three ascending numbers), or null.</summary>
    public IReadOnlyList<double>? ValueBounds { get; init; }

    /// <summary>Fixed churn probability bounds instead of odds ratios (three ascending numbers in (0, 1)), or null.</summary>
    public IReadOnlyList<double>? RiskBounds { get; init; }

    /// <summary>
    /// The rule for a training population: <paramref name="predictedClv"/> is every training client's predicted CLV
    /// (empty without a CLV model), <paramref name="churnRate"/> the labelled clients' churn rate (NaN without churn
    /// labels). An axis with nothing to fit on keeps DESIGN §9's fixed bounds.
    /// </summary>
    public SegmentRule Fit(IReadOnlyList<double> predictedClv, double churnRate)
    {
        ArgumentNullException.ThrowIfNull(predictedClv);
        var rule = SegmentRule.Fixed;
        if (ValueBounds is { } fixedValue)
        {
            rule = rule with { ValueBounds = fixedValue };
        }
        else if (predictedClv.Count > 0)
        {
            rule = rule with { ValueMethod = SegmentRule.QuantilesMethod, ValueBounds = Quantiles(predictedClv, ValueQuantiles), ValueQuantiles = ValueQuantiles };
        }

        if (RiskBounds is { } fixedRisk)
        {
            rule = rule with { RiskBounds = fixedRisk };
        }
        else if (churnRate is > 0 and < 1)
        {
            rule = rule with { RiskMethod = SegmentRule.OddsRatioMethod, RiskBounds = OddsBounds(churnRate, RiskOddsRatios), RiskOddsRatios = RiskOddsRatios, ChurnRate = churnRate };
        }

        return rule;
    }

    /// <summary>Linear-interpolated quantiles (type 7, as numpy's default) of <paramref name="values"/>, rounded to cents.</summary>
    internal static double[] Quantiles(IReadOnlyList<double> values, IReadOnlyList<double> at)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
        {
            return [.. Defaults.ValueBounds];
        }

        return at.Select(q =>
        {
            var h = (sorted.Length - 1) * q;
            var lo = (int)Math.Floor(h);
            var hi = Math.Min(lo + 1, sorted.Length - 1);
            return Math.Round(sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]), 2);
        }).ToArray();
    }

    /// <summary>The probabilities whose odds are <paramref name="ratios"/> times the odds of <paramref name="rate"/>, rounded to 4 places.</summary>
    internal static double[] OddsBounds(double rate, IReadOnlyList<double> ratios)
    {
        var odds = rate / (1 - rate);
        return ratios.Select(r => Math.Round(r * odds / (1 + (r * odds)), 4)).ToArray();
    }
}
