namespace Clientele.Core.Training.Forest;

/// <summary>The resolved per-tree settings every <see cref="TreeBuilder"/> shares (options with "auto" values settled).</summary>
/// <remarks>Each in-bag row's weight is multiplied by <c>NegativeWeight</c> or <c>PositiveWeight</c> by its 0/1 label (1 and 1 = unweighted).</remarks>
internal sealed record TreeSettings(int MaxDepth, int MaxLeaves, int MinSamplesLeaf, int FeaturesPerSplit, bool Bootstrap, int Seed,
    int NegativeWeight = 1, int PositiveWeight = 1)
{
    /// <summary>Bootstrap draws per tree, at most (all rows when fewer).</summary>
    public int MaxSamples { get; init; } = int.MaxValue;
}
