using Clientele.Core.Labels;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Clientele.Core.Training;

/// <summary>
/// The ML.NET estimators behind each member. Every trainer runs single-threaded with a fixed seed so
/// results are byte-identical whatever the machine; parallelism comes from training members and
/// targets side by side instead.
/// </summary>
public static class Learners
{
    /// <summary>Boolean label column (binary classifiers need it).</summary>
    public const string FlagColumn = "Flag";

    public static IEstimator<ITransformer> Create(MLContext ml, MemberKind kind, Target target, Features.Tier tier, int seed) => kind switch
    {
        MemberKind.Forest => Forest(ml, tier, seed),
        MemberKind.Boosting => Boosting(ml, target, seed),
        _ => Linear(ml, target),
    };

    /// <summary>The forest is a regression forest for every target: on 0/1 labels its output is a class frequency.</summary>
    private static IEstimator<ITransformer> Forest(MLContext ml, Features.Tier tier, int seed) =>
        ml.Regression.Trainers.FastForest(new FastForestRegressionTrainer.Options
        {
            NumberOfTrees = tier == Features.Tier.Fast ? Defaults.FastTrees : Defaults.EliteTrees,
            NumberOfLeaves = tier == Features.Tier.Fast ? Defaults.FastLeaves : Defaults.EliteLeaves,
            MinimumExampleCountPerLeaf = Defaults.ForestMinLeaf,
            FeatureFraction = Defaults.ForestFeatureFraction,
            NumberOfThreads = 1,
            Seed = seed,
            FeatureSelectionSeed = seed,
        });

    private static IEstimator<ITransformer> Boosting(MLContext ml, Target target, int seed)
    {
        if (Targets.IsBinary(target))
        {
            return ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                NumberOfIterations = Defaults.BoostingRounds,
                NumberOfLeaves = Defaults.BoostingLeaves,
                LearningRate = Defaults.BoostingLearningRate,
                MinimumExampleCountPerLeaf = 10,
                Seed = seed,
                NumberOfThreads = 1,
                Verbose = false,
                Silent = true,
                LabelColumnName = FlagColumn,
            });
        }

        return ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            NumberOfIterations = Defaults.BoostingRounds,
            NumberOfLeaves = Defaults.BoostingLeaves,
            LearningRate = Defaults.BoostingLearningRate,
            MinimumExampleCountPerLeaf = 10,
            Seed = seed,
            NumberOfThreads = 1,
            Verbose = false,
            Silent = true,
        });
    }

    private static IEstimator<ITransformer> Linear(MLContext ml, Target target)
    {
        var normalize = ml.Transforms.NormalizeMeanVariance("Features");
        if (Targets.IsBinary(target))
        {
            return normalize.Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                L2Regularization = 1f,
                NumberOfThreads = 1,
                LabelColumnName = FlagColumn,
            }));
        }

        return normalize.Append(ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
        {
            L2Regularization = 1f,
            NumberOfThreads = 1,
            MaximumNumberOfIterations = 100,
        }));
    }
}
