namespace Clientele.Core.Scoring;

/// <summary>Value and risk segments (DESIGN §9); bounds live in <see cref="Defaults"/>.</summary>
public static class Segments
{
    public static readonly IReadOnlyList<string> ValueNames = ["Low", "Medium", "High", "VIP"];

    public static readonly IReadOnlyList<string> RiskNames = ["Safe", "Monitor", "At Risk", "Critical"];

    public static string Value(double clv) => double.IsNaN(clv) ? string.Empty : ValueNames[Bucket(clv, Defaults.ValueBounds)];

    public static string Risk(double churn) => double.IsNaN(churn) ? string.Empty : RiskNames[Bucket(churn, Defaults.RiskBounds)];

    private static int Bucket(double value, double[] bounds)
    {
        var i = 0;
        while (i < bounds.Length && value >= bounds[i])
        {
            i++;
        }

        return i;
    }
}
