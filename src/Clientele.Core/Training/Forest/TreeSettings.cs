namespace Clientele.Core.Training.Forest;

/// <summary>The resolved per-tree settings every <see cref="TreeBuilder"/> shares (options with "auto" values settled).</summary>
internal sealed record TreeSettings(int MaxDepth, int MaxLeaves, int MinSamplesLeaf, int FeaturesPerSplit, bool Bootstrap, int Seed);
