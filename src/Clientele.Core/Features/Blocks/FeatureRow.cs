using Clientele.Core.Profiles;

namespace Clientele.Core.Features.Blocks;

/// <summary>What the blocks read for one row: the profile, the date recency is measured to, shared scratch and tallies.</summary>
internal readonly ref struct FeatureRow(ClientProfile profile, DateOnly? reference, Dictionary<ulong, int> ngramScratch, ConceptTally tally,
    History.ClientPurchases? purchases, List<int> concepts, List<int> aliases)
{
    public ClientProfile Profile { get; } = profile;

    /// <summary>The profile's concepts the sensitivity mask lets through, in text order (blocks read these, never the profile's).</summary>
    public List<int> Concepts { get; } = concepts;

    /// <summary>The matched alias of each of <see cref="Concepts"/>.</summary>
    public List<int> Aliases { get; } = aliases;

    /// <summary>Contact recency is measured up to this date (null: unknown).</summary>
    public DateOnly? Reference { get; } = reference;

    /// <summary>A cleared dictionary the term block may count n-grams into (one per worker thread).</summary>
    public Dictionary<ulong, int> NgramScratch { get; } = ngramScratch;

    /// <summary>The concept counts statistics, pairs and diversity share (computed once per row).</summary>
    public ConceptTally Tally { get; } = tally;

    /// <summary>The client's purchases (null: none, or the model was trained without transactions).</summary>
    public History.ClientPurchases? Purchases { get; } = purchases;
}
