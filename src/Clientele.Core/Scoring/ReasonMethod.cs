namespace Clientele.Core.Scoring;

/// <summary>How a forest's per-feature contributions behind each reason are computed.</summary>
public enum ReasonMethod
{
    /// <summary>Saabas path credits (child mean − parent mean along the row's path): one walk per tree, cheapest.</summary>
    Saabas,

    /// <summary>
    /// Exact path-dependent TreeSHAP: Shapley values that do not depend on the order trees test features; costs about
    /// depth² per leaf. Models saved before forest format 2 have no cover and fall back to Saabas.
    /// </summary>
    TreeShap,
}
