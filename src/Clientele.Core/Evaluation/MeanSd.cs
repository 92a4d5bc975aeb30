namespace Clientele.Core.Evaluation;

/// <summary>Mean and standard deviation of a metric over cross-validation folds (or any repeated measurement).</summary>
public sealed record MeanSd(double Mean, double Sd)
{
    /// <summary>Mean and sample standard deviation (n − 1; 0 for a single value) of a non-empty list.</summary>
    public static MeanSd Of(IReadOnlyCollection<double> values)
    {
        var mean = values.Average();
        var sd = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : 0;
        return new MeanSd(mean, sd);
    }
}
