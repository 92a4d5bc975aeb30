using Clientele.Core.Labels;

namespace Clientele.Core.Evaluation;

/// <summary>The trivial model every report measures against: the majority class (binary targets) or the mean (CLV).</summary>
public static class Baseline
{
    /// <summary>
    /// The constant prediction for labels whose mean is <paramref name="mean"/>: for a binary target the mean itself,
    /// nudged to the majority side of the decision threshold so accuracy is the majority class's (a tie, mean exactly
    /// 0.5, rounds to even: the negative class); for CLV the mean.
    /// </summary>
    public static double Prediction(Target target, double mean) =>
        Targets.IsBinary(target) ? Math.Round(mean) is 1 ? Math.Max(mean, 0.5) : Math.Min(mean, 0.4999) : mean;
}
