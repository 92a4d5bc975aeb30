namespace Clientele.Core.Evaluation;

/// <summary>A difference between two models on the same holdout and its bootstrap interval.</summary>
/// <param name="Metric">"auc", "log_loss" or "mse".</param>
/// <param name="Difference">Second model's advantage over the first (positive: the second is better), on the whole holdout.</param>
/// <param name="Low">Lower end of the interval of that advantage.</param>
/// <param name="High">Upper end of the interval.</param>
public readonly record struct PairedDifference(string Metric, double Difference, double Low, double High)
{
    /// <summary>True when the interval contains 0: the holdout cannot tell the two models apart on this metric.</summary>
    public bool WithinNoise => Low <= 0 && High >= 0;
}
