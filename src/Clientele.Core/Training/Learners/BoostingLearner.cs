using Clientele.Core.Labels;
using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace Clientele.Core.Training.Learners;

/// <summary>
/// Gradient-boosted trees (ML.NET LightGbm), single-threaded with a fixed seed so results are byte-identical on any
/// machine. With balanced class weights LightGbm weights the rarer class up itself (<c>UnbalancedSets</c>).
/// </summary>
public sealed class BoostingLearner : ILearner
{
    /// <inheritdoc/>
    public string Name => "boosting";

    /// <summary>Training clients fitted on, at most (<see cref="Defaults.BoostingMaxRows"/>; smaller in tests).</summary>
    internal int MaxRows { get; init; } = Defaults.BoostingMaxRows;

    /// <inheritdoc/>
    public LearnerFit Fit(FeatureTable table, Target target, LearnerContext context)
    {
        var ml = new MLContext(context.Seed);
        // Past MaxRows training clients, a seeded draw of that many (in their order); under it, every one.
        table = SeededDraw.Indices(table.Count, MaxRows, context.Seed) is { } kept ? table.Subset(kept) : table;
        var view = table.ToDataViewForTrees(ml, Defaults.BoostingMinLeaf);
        var model = Estimator(ml, target, context.Seed, context.Balanced).Fit(view);
        return new LearnerFit(new MlNetMember(Name, model, target, table.FeatureCount));
    }

    /// <inheritdoc/>
    public ITrainedMember Load(Stream stream, Target target, LabelScaling scaling) => MlNetMember.Load(Name, stream, target, scaling);

    private static IEstimator<ITransformer> Estimator(MLContext ml, Target target, int seed, bool balanced)
    {
        if (Targets.IsBinary(target))
        {
            return ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                NumberOfIterations = Defaults.BoostingRounds,
                NumberOfLeaves = Defaults.BoostingLeaves,
                LearningRate = Defaults.BoostingLearningRate,
                MinimumExampleCountPerLeaf = Defaults.BoostingMinLeaf,
                Booster = new GradientBooster.Options { FeatureFraction = Defaults.BoostingFeatureFraction },
                Seed = seed,
                NumberOfThreads = 1,
                Verbose = false,
                Silent = true,
                LabelColumnName = FeatureTable.FlagColumn,
                UnbalancedSets = balanced,
            });
        }

        return ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            NumberOfIterations = Defaults.RegressionBoostingRounds,
            NumberOfLeaves = Defaults.BoostingLeaves,
            LearningRate = Defaults.RegressionBoostingLearningRate,
            MinimumExampleCountPerLeaf = Defaults.BoostingMinLeaf,
            Booster = new GradientBooster.Options { FeatureFraction = Defaults.BoostingFeatureFraction },
            Seed = seed,
            NumberOfThreads = 1,
            Verbose = false,
            Silent = true,
        });
    }
}
