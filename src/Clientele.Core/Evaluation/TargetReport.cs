namespace Clientele.Core.Evaluation;

/// <summary>
/// Everything measured for one target: the model on the holdout, the trivial baseline, the best possible
/// (from the known generating probability, when there is one), cross-validation and calibration.
/// </summary>
public sealed record TargetReport
{
    public required TargetMetrics Metrics { get; init; }

    public required TargetMetrics Baseline { get; init; }

    public TargetMetrics? BestPossible { get; init; }

    /// <summary>What the noise-free generating rule reaches (smart labels): the ceiling a model can learn.</summary>
    public TargetMetrics? LearnableCeiling { get; init; }

    /// <summary>Per-member holdout metrics (Elite), so a user can see whether the ensemble earns its place.</summary>
    public IReadOnlyDictionary<string, TargetMetrics> Members { get; init; } = new Dictionary<string, TargetMetrics>();

    /// <summary>BG/NBD × Gamma-Gamma on the same holdout clients, when trained with transactions.</summary>
    public TargetMetrics? Btyd { get; init; }

    public IReadOnlyDictionary<string, MeanSd>? CrossValidation { get; init; }

    public IReadOnlyList<ReliabilityBin>? Reliability { get; init; }

    public int TrainCount { get; init; }

    public int TestCount { get; init; }

    public double Seconds { get; init; }
}
