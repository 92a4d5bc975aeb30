using Clientele.Core.Training.Forest;

namespace Clientele.Core.Scoring;

/// <summary>One scoring worker's buffers for reasons: sparse contributions, reason sums and the row's present features.</summary>
internal sealed class ReasonWorker(ReasonBuilder reasons)
{
    public SparseContributions Contributions { get; } = new();

    public ReasonScratch Scratch { get; } = reasons.NewScratch();

    public List<int> Present { get; } = [];
}
