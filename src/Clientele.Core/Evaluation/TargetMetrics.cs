namespace Clientele.Core.Evaluation;

/// <summary>
/// Metrics of one target on one test set. Binary targets fill accuracy, AUC, log-loss, Brier and F1;
/// CLV fills R², RMSE and MAE. Unset values are null (e.g. AUC when the test set has one class).
/// </summary>
public sealed record TargetMetrics
{
    public double? Accuracy { get; init; }

    public double? Auc { get; init; }

    public double? LogLoss { get; init; }

    public double? Brier { get; init; }

    public double? F1 { get; init; }

    public double? R2 { get; init; }

    public double? Rmse { get; init; }

    public double? Mae { get; init; }

    public int Count { get; init; }

    /// <summary>Training seconds, when these metrics describe one ensemble member.</summary>
    public double? Seconds { get; init; }

    /// <summary>Share of the soft vote, when these metrics describe one ensemble member.</summary>
    public double? Weight { get; init; }
}
