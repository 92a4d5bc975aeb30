namespace Clientele.Core.Features.Blocks;

/// <summary>
/// One block of the feature row (terms, categories, statistics, facts, contact history, pairs, diversity, words):
/// it names its columns and writes their values. A tier's featurizer is the blocks it composes, in row order.
/// </summary>
internal interface IFeatureBlock
{
    /// <summary>The block's columns, in the order <see cref="Write"/> fills them.</summary>
    IReadOnlyList<FeatureInfo> Columns { get; }

    /// <summary>Writes the block's values for <paramref name="row"/> into <paramref name="destination"/> (its span, cleared).</summary>
    void Write(in FeatureRow row, Span<float> destination);
}
