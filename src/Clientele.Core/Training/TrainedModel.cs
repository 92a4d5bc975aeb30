using Clientele.Core.Evaluation;
using Clientele.Core.Features;
using Clientele.Core.Labels;

namespace Clientele.Core.Training;

/// <summary>The result of training: the fitted featurizer, one model per target, and the report.</summary>
public sealed record TrainedModel(Featurizer Featurizer, IReadOnlyDictionary<Target, TargetModel> Models, TrainingReport Report)
{
    /// <summary>The segment cut points fitted on the training population (the fixed rule unless training set them).</summary>
    public Scoring.SegmentRule Segments { get; init; } = Scoring.SegmentRule.Fixed;
}
