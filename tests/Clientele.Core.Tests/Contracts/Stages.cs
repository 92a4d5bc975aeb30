using Clientele.Core.Features;
using Clientele.Core.Labels;
using Clientele.Core.Training.Learners;

namespace Clientele.Core.Tests.Contracts;

/// <summary>
/// Every fitted stage under the contract: the featurizer of each tier, every learner of <see cref="LearnerRegistry"/>
/// on a binary and a regression target (a newly registered learner is covered without touching these files), the
/// Platt calibrator and the vote weights.
/// </summary>
public static class Stages
{
    /// <summary>All stages.</summary>
    public static IEnumerable<FittedStage> All()
    {
        yield return FeaturizerStage.Of(Tier.Fast);
        yield return FeaturizerStage.Of(Tier.Elite);
        yield return FeaturizerStage.WithTransactionColumns();
        foreach (var learner in LearnerRegistry.All)
        {
            yield return LearnerStage.Of(learner, Target.Purchased);
            yield return LearnerStage.Of(learner, Target.LifetimeValue);
        }

        yield return CalibrationStages.Platt();
        yield return CalibrationStages.Votes();
    }
}
