using Clientele.Core.Features;
using Clientele.Core.Ingest;
using Clientele.Core.Labels;
using Clientele.Core.Training;

namespace Clientele.Server.Jobs;

/// <summary>What to train on: notes, optional real labels (smart labels otherwise), tier, whether to activate.</summary>
public sealed record TrainingRequest(IReadOnlyList<Note> Notes, LabelSet? Labels, Tier Tier, bool Activate, string DataFingerprint,
    ClassWeighting ClassWeights = ClassWeighting.None)
{
    /// <summary>True to let special-category concepts and words into the model (form field <c>include_sensitive</c>).</summary>
    public bool IncludeSensitive { get; init; }

    /// <summary>
    /// Purchase history to train with (outcomes derived from it, RFM and BTYD features); null trains on the notes alone.
    /// </summary>
    public Core.History.PurchaseLedger? Purchases { get; init; }

    /// <summary>Where <see cref="Purchases"/> came from (an upload's name, or the store), for messages.</summary>
    public string PurchasesSource { get; init; } = "transactions";
}
