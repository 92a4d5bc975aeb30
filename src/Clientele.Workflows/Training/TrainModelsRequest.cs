using Clientele.Core.Labels;
using Clientele.Core.Lexicon;
using Clientele.Core.Profiles;
using Clientele.Core.Training;

namespace Clientele.Workflows.Training;

/// <summary>What to fit: profiles and their lexicon, real labels (null: smart labels), an optional holdout split, the trainer's options.</summary>
public sealed record TrainModelsRequest(IReadOnlyList<ClientProfile> Profiles, ConceptLexicon Lexicon, LabelSet? Labels, HoldoutSplit? Holdout,
    TrainingOptions Options)
{
    /// <summary>Purchase history to train with (features, BTYD parameters); null trains on the notes alone.</summary>
    public PurchaseTraining? Purchases { get; init; }
}
