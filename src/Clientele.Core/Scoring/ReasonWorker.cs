using Clientele.Core.Training.Forest;

namespace Clientele.Core.Scoring;

/// <summary>One scoring worker's buffers for reasons: sparse contributions, the row's present features, its reasons and reason sums.</summary>
internal sealed class ReasonWorker(ReasonBuilder reasons)
{
    public SparseContributions Contributions { get; } = new();

    public List<int> Present { get; } = [];

    /// <summary>The row's reasons over all targets, copied out once per row.</summary>
    public List<Reason> Reasons { get; } = [];

    public ReasonScratch Scratch { get; } = reasons.NewScratch();
}
