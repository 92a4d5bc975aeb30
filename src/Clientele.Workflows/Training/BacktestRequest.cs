using Clientele.Core.Evaluation;
using Clientele.Core.History;
using Clientele.Core.Training;

namespace Clientele.Workflows.Training;

/// <summary>A backtest: train on data up to <paramref name="AsOf"/>, score as of it, compare with what followed.</summary>
public sealed record BacktestRequest(PurchaseData Data, DateOnly AsOf, PurchaseWindows Windows, TrainingOptions Options)
{
    /// <summary>Paired bootstrap resamples of the differences.</summary>
    public int Resamples { get; init; } = PairedBootstrap.Resamples;
}
