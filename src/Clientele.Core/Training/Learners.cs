using Clientele.Core.Labels;
using Microsoft.ML;
using Microsoft.ML.Trainers;
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

    /// <summary>Example weight column (read by the linear member when classes are balanced).</summary>
    public const string WeightColumn = "Weight";

    /// <summary>
    /// The ML.NET members (boosting, linear); the forest is <see cref="Forest(Features.Tier, Target, int, int, bool)"/>.
    /// With <paramref name="balanced"/> (binary targets) boosting weights the rarer class up and the linear member
    /// reads the <see cref="WeightColumn"/>.
    /// </summary>
    public static IEstimator<ITransformer> Create(MLContext ml, MemberKind kind, Target target, int seed, bool balanced = false) => kind switch
    {
        MemberKind.Boosting => Boosting(ml, target, seed, balanced),
        MemberKind.Linear => Linear(ml, target, balanced),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "the forest is not an ML.NET estimator"),
    };

    /// <summary>
    /// The random forest: Clientele's histogram forest, measured against ML.NET FastForest side by side
    /// (bench --quick, docs/BENCHMARKS.md): ~10× faster at equal AUC and far higher CLV R². Trees are
    /// seeded per index, so the result does not depend on <paramref name="threads"/>.
    /// </summary>
    public static Forest.ForestOptions Forest(Features.Tier tier, Target target, int seed, int threads, bool balanced = false) => new()
    {
        BalancedClasses = balanced && Targets.IsBinary(target),
        Trees = tier == Features.Tier.Fast ? Defaults.FastTrees : Defaults.EliteTrees,
        MaxLeaves = Targets.IsBinary(target) ? Defaults.BinaryForestLeaves : tier == Features.Tier.Fast ? Defaults.FastLeaves : Defaults.EliteLeaves,
        MinSamplesLeaf = Targets.IsBinary(target) ? Defaults.BinaryForestMinLeaf : null,
        FeatureFraction = Targets.IsBinary(target) ? Defaults.BinaryForestFeatureFraction : tier == Features.Tier.Elite ? Defaults.EliteRegressionFeatureFraction : null,
        Seed = seed,
        Threads = Math.Max(1, threads),
    };

    private static IEstimator<ITransformer> Boosting(MLContext ml, Target target, int seed, bool balanced)
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
                LabelColumnName = FlagColumn,
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

    private static IEstimator<ITransformer> Linear(MLContext ml, Target target, bool balanced)
    {
        // Min-max keeps rare sparse terms bounded in [0, 1]; mean-variance blows them up to huge values. The cache
        // checkpoint keeps the normalised rows in memory for the solver's many passes: measured on the sample
        // (1,600 × 913, L-BFGS with L1), 64 ms and 140 MB allocated per fit without it, 12–20 ms and 12 MB with it.
        var normalize = ml.Transforms.NormalizeMinMax("Features").AppendCacheCheckpoint(ml);
        if (Targets.IsBinary(target))
        {
            return normalize.Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                // L1 selects among ~900 mostly-sparse features on ~1,600 clients; see Defaults.LinearL1.
                L2Regularization = Defaults.LinearL2,
                L1Regularization = Defaults.LinearL1,
                OptimizationTolerance = Defaults.LinearTolerance,
                NumberOfThreads = 1,
                LabelColumnName = FlagColumn,
                ExampleWeightColumnName = balanced ? WeightColumn : null,
            }));
        }

        return normalize.Append(ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
        {
            L2Regularization = Defaults.RidgeL2,
            NumberOfThreads = 1,
            MaximumNumberOfIterations = Defaults.RidgeIterations,
        }));
    }
}
