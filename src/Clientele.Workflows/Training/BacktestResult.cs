using Clientele.Core.Labels;

namespace Clientele.Workflows.Training;

/// <summary>What a backtest measured: per target, the clients compared, the cutoff of its training, and the clients scored.</summary>
public sealed record BacktestResult(IReadOnlyDictionary<Target, BacktestTarget> Targets, int Clients, int Scored, DateOnly Cutoff, DateOnly ObservedUntil, double Seconds);
