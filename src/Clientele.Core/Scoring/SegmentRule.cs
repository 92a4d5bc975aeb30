using Clientele.Core.Errors;

namespace Clientele.Core.Scoring;

/// <summary>
/// The cut points that place a client in a value and a risk segment (DESIGN §9). Fitted once on the training
/// population (<see cref="SegmentOptions.Fit"/>) and saved in the bundle, so a client's segment depends on that
/// client's scores alone, never on the rest of a scoring batch.
/// </summary>
/// <param name="ValueMethod">"quantiles" (of predicted CLV on the training population) or "fixed" (bounds as given).</param>
/// <param name="ValueBounds">Three ascending CLV bounds: below the first Low, then Medium, High, VIP.</param>
/// <param name="RiskMethod">"odds_ratio" (relative to the training population's churn rate) or "fixed".</param>
/// <param name="RiskBounds">Three ascending churn probabilities: below the first Safe, then Monitor, At Risk, Critical.</param>
public sealed record SegmentRule(string ValueMethod, IReadOnlyList<double> ValueBounds, string RiskMethod, IReadOnlyList<double> RiskBounds)
{
    /// <summary>The method name of bounds given as numbers (and of the rule of bundles written before format 3).</summary>
    public const string FixedMethod = "fixed";

    /// <summary>The method name of value bounds taken from quantiles of the training population's predicted CLV.</summary>
    public const string QuantilesMethod = "quantiles";

    /// <summary>The method name of risk bounds set as odds ratios to the training population's churn rate.</summary>
    public const string OddsRatioMethod = "odds_ratio";

    /// <summary>The quantiles the value bounds were taken at (null for fixed bounds).</summary>
    public IReadOnlyList<double>? ValueQuantiles { get; init; }

    /// <summary>The odds ratios the risk bounds were set at (null for fixed bounds).</summary>
    public IReadOnlyList<double>? RiskOddsRatios { get; init; }

    /// <summary>The churn rate of the labelled training population the ratios are relative to (null for fixed bounds).</summary>
    public double? ChurnRate { get; init; }

    /// <summary>The rule before segments were fitted (DESIGN §9's fixed bounds): what a bundle of format 1 or 2 scores with.</summary>
    public static SegmentRule Fixed { get; } = new(FixedMethod, Defaults.ValueBounds, FixedMethod, Defaults.RiskBounds);

    /// <summary>The value segment of a predicted CLV; empty when the bundle has no CLV model (NaN).</summary>
    public string Value(double clv) => double.IsNaN(clv) ? string.Empty : Segments.ValueNames[Bucket(clv, ValueBounds)];

    /// <summary>The risk segment of a churn probability; empty when the bundle has no churn model (NaN).</summary>
    public string Risk(double churn) => double.IsNaN(churn) ? string.Empty : Segments.RiskNames[Bucket(churn, RiskBounds)];

    /// <summary>Refuses a rule read from a bundle that is not three finite ascending bounds per axis.</summary>
    public SegmentRule Checked(string bundleName)
    {
        if (!Valid(ValueBounds, Segments.ValueNames.Count - 1) || !Valid(RiskBounds, Segments.RiskNames.Count - 1))
        {
            throw new ClienteleInputException(bundleName, null, null, Messages.BundleDamaged + " (segments: " + Messages.SegmentBoundsExpected + ")");
        }

        return this;
    }

    internal static bool Valid(IReadOnlyList<double>? bounds, int count)
    {
        if (bounds is null || bounds.Count != count)
        {
            return false;
        }

        for (var i = 0; i < bounds.Count; i++)
        {
            if (!double.IsFinite(bounds[i]) || (i > 0 && bounds[i] < bounds[i - 1]))
            {
                return false;
            }
        }

        return true;
    }

    private static int Bucket(double value, IReadOnlyList<double> bounds)
    {
        var i = 0;
        while (i < bounds.Count && value >= bounds[i])
        {
            i++;
        }

        return i;
    }
}
