using Clientele.Core.Features;
using Clientele.Core.Labels;
using Clientele.Core.Training.Forest;

namespace Clientele.Core.Training.Learners;

/// <summary>
/// The random forest: Clientele's histogram forest (<see cref="ForestOptions"/>), measured against ML.NET FastForest
/// side by side (bench --quick, docs/BENCHMARKS.md): ~10× faster at equal AUC and far higher CLV R². Trees are seeded
/// per index, so the result does not depend on the thread count. Its out-of-bag predictions feed the calibration and
/// the vote weights, and it is the member that explains scores (Saabas path contributions).
/// </summary>
public sealed class ForestLearner : ILearner
{
    /// <inheritdoc/>
    public string Name => "forest";

    /// <inheritdoc/>
    public bool ScoresOutOfBag => true;

    /// <summary>The forest's settings for a tier and target: small trees with large leaves for the noisy 0/1 labels.</summary>
    public static ForestOptions Options(Tier tier, Target target, int seed, int threads, bool balanced = false)
    {
        var binary = Targets.IsBinary(target);
        return new ForestOptions
        {
            BalancedClasses = balanced && binary,
            Trees = tier == Tier.Fast ? Defaults.FastTrees : Defaults.EliteTrees,
            MaxLeaves = binary ? Defaults.BinaryForestLeaves : tier == Tier.Fast ? Defaults.FastLeaves : Defaults.EliteLeaves,
            MinSamplesLeaf = binary ? Defaults.BinaryForestMinLeaf : null,
            FeatureFraction = binary ? Defaults.BinaryForestFeatureFraction : tier == Tier.Elite ? Defaults.EliteRegressionFeatureFraction : null,
            Seed = seed,
            Threads = Math.Max(1, threads),
        };
    }

    /// <inheritdoc/>
    public LearnerFit Fit(FeatureTable table, Target target, LearnerContext context)
    {
        var options = Options(context.Tier, target, context.Seed, context.Parallelism, context.Balanced);
        if (!context.KeepOutOfBag)
        {
            return new LearnerFit(new Member(options.Fit(table.Rows, table.Labels)));
        }

        var (forest, outOfBag) = options.FitWithOutOfBag(table.Rows, table.Labels);
        return new LearnerFit(new Member(forest), outOfBag);
    }

    /// <inheritdoc/>
    public ITrainedMember Load(Stream stream, Target target, LabelScaling scaling) => new Member(ForestModel.Load(stream));

    /// <summary>A fitted forest as an ensemble member; its file is the forest's own versioned binary format.</summary>
    public sealed class Member(ForestModel forest) : ITrainedMember
    {
        /// <summary>The forest itself (the scorer walks it for reasons).</summary>
        public ForestModel Forest { get; } = forest;

        /// <inheritdoc/>
        public string Name => "forest";

        /// <inheritdoc/>
        public string FileExtension => "forest";

        /// <inheritdoc/>
        public int FeatureCount => Forest.FeatureCount;

        /// <inheritdoc/>
        public bool HasContributions => true;

        /// <inheritdoc/>
        public void Predict(float[][] rows, Span<double> output) => Forest.PredictBatch(rows, output);

        /// <inheritdoc/>
        public void Contributions(ReadOnlySpan<float> row, Span<float> output) => Forest.Contributions(row, output);

        /// <inheritdoc/>
        public void Save(Stream stream) => Forest.Save(stream);
    }
}
