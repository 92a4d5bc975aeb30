using System.Text;
using Clientele.Core.Training.Forest;

namespace Clientele.Core.Scoring;

/// <summary>One scoring worker's buffers for reasons: sparse contributions, the row's present features, its text and reason sums.</summary>
internal sealed class ReasonWorker(ReasonBuilder reasons)
{
    public SparseContributions Contributions { get; } = new();

    public List<int> Present { get; } = [];

    public StringBuilder Text { get; } = new();

    public ReasonScratch Scratch { get; } = reasons.NewScratch();
}
