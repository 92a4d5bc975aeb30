using Clientele.Core.Evaluation;

namespace Clientele.Workflows.Training;

/// <summary>One target of a backtest: the tier, BG/NBD × Gamma-Gamma and the trivial baseline on the same clients, and the paired difference tier − BTYD of <see cref="Metric"/>.</summary>
public sealed record BacktestTarget(TargetMetrics Model, TargetMetrics Btyd, TargetMetrics Baseline, string Metric, BootstrapInterval Difference);
