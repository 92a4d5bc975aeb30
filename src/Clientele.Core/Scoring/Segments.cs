namespace Clientele.Core.Scoring;

/// <summary>
/// Value and risk segment names (DESIGN §9), and the fixed rule of bundles written before segments were fitted;
/// a bundle's own rule is <see cref="Bundles.ModelBundle.Segments"/>.
/// </summary>
public static class Segments
{
    public static readonly IReadOnlyList<string> ValueNames = ["Low", "Medium", "High", "VIP"];

    public static readonly IReadOnlyList<string> RiskNames = ["Safe", "Monitor", "At Risk", "Critical"];

    /// <summary>The value segment by the fixed bounds of <see cref="Defaults.ValueBounds"/>.</summary>
    public static string Value(double clv) => SegmentRule.Fixed.Value(clv);

    /// <summary>The risk segment by the fixed bounds of <see cref="Defaults.RiskBounds"/>.</summary>
    public static string Risk(double churn) => SegmentRule.Fixed.Risk(churn);
}
