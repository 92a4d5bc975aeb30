namespace Clientele.Core.Training.Forest;

/// <summary>
/// Settings of the histogram random forest, and the entry point that trains one (<see cref="Fit"/>).
/// Structure follows scikit-learn's RandomForest (bootstrap, per-split feature sampling) and LightGBM's
/// speed tricks (pre-binned features, histogram splits). 0/1 and continuous labels want different feature
/// shares and leaf sizes, hence the "auto" settings; their values are the production ones in
/// <see cref="Defaults"/> (one place: the forest learner passes the same numbers).
/// </summary>
public sealed record ForestOptions
{
    /// <summary>Number of trees (default <see cref="Defaults.FastTrees"/>).</summary>
    public int Trees { get; init; } = Defaults.FastTrees;

    /// <summary>
    /// Deepest split level (root = depth 0). 12 keeps ≥ 2^12 potential leaves, more than 1,600 rows can fill
    /// with <see cref="MinSamplesLeaf"/> = 3, so it bounds pathological chains without pruning useful splits.
    /// </summary>
    public int MaxDepth { get; init; } = 12;

    /// <summary>
    /// Leaf cap per tree; 0 means no cap (depth and leaf size alone stop growth). When set, trees grow
    /// best-first (largest variance reduction first), as ML.NET's FastForest and LightGBM do. 32 is the
    /// Fast tier's leaf count: on the benchmark it matched uncapped depth-12 trees on AUC/R² at ~half the time.
    /// </summary>
    public int MaxLeaves { get; init; } = Defaults.FastLeaves;

    /// <summary>
    /// Fewest distinct training rows in a leaf. <c>null</c> picks automatically: <see cref="BinaryMinSamplesLeaf"/>
    /// when every label is 0 or 1, else <see cref="RegressionMinSamplesLeaf"/>.
    /// </summary>
    public int? MinSamplesLeaf { get; init; }

    /// <summary>
    /// Share of features tried at each split. <c>null</c> picks automatically: <see cref="BinaryFeatureFraction"/>
    /// when every label is 0 or 1, else <see cref="RegressionFeatureFraction"/>.
    /// </summary>
    public double? FeatureFraction { get; init; }

    /// <summary>Resample rows with replacement per tree (the classic bagging that decorrelates trees).</summary>
    public bool Bootstrap { get; init; } = true;

    /// <summary>
    /// Rows drawn per tree when bootstrapping, at most (scikit-learn's <c>max_samples</c>): a larger training set
    /// draws this many, not one per row (default <see cref="Defaults.ForestMaxSamples"/>).
    /// </summary>
    public int MaxSamples { get; init; } = Defaults.ForestMaxSamples;

    /// <summary>
    /// Weight the rarer class of 0/1 labels up to the other's total (an integer multiple of its bootstrap count:
    /// round(common / rare)), as scikit-learn's <c>class_weight="balanced"</c>. The bootstrap itself stays uniform,
    /// so every row is still out of bag for about a third of the trees.
    /// </summary>
    public bool BalancedClasses { get; init; }

    /// <summary>Seed of the per-tree generators: tree <c>t</c> uses <c>new Random(Seed + t)</c>.</summary>
    public int Seed { get; init; } = Defaults.Seed;

    /// <summary>
    /// Most bins per feature (2–256, one byte per value). 64 quantile bins lose nothing measurable on a few
    /// thousand rows (LightGBM's 255 is meant for millions) and keep histograms in L1 cache.
    /// </summary>
    public int MaxBins { get; init; } = 64;

    /// <summary>Threads for binning, growing trees and batch prediction. Results do not depend on it.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Feature share per split for 0/1 labels (<see cref="Defaults.BinaryForestFeatureFraction"/>).</summary>
    public const double BinaryFeatureFraction = Defaults.BinaryForestFeatureFraction;

    /// <summary>Feature share per split for other labels (<see cref="Defaults.ForestRegressionFeatureFraction"/>).</summary>
    public const double RegressionFeatureFraction = Defaults.ForestRegressionFeatureFraction;

    /// <summary>Leaf size for 0/1 labels (<see cref="Defaults.BinaryForestMinLeaf"/>).</summary>
    public const int BinaryMinSamplesLeaf = Defaults.BinaryForestMinLeaf;

    /// <summary>Leaf size for other labels (<see cref="Defaults.ForestRegressionMinLeaf"/>).</summary>
    public const int RegressionMinSamplesLeaf = Defaults.ForestRegressionMinLeaf;

    /// <summary>Trains a forest on dense rows (all the same length) and their labels.</summary>
    /// <exception cref="ArgumentException">Empty data, ragged rows, mismatched labels, non-finite labels or invalid settings.</exception>
    public ForestModel Fit(float[][] rows, float[] labels) => Grow(rows, labels, outOfBag: false).Model;

    /// <summary>
    /// Fits the forest and also returns the out-of-bag prediction of every training row (mean over the trees that
    /// did not draw it): out-of-sample scores for calibration and vote weights at no extra training. Null when
    /// <see cref="Bootstrap"/> is off (no row is ever left out).
    /// </summary>
    public (ForestModel Model, double[]? OutOfBag) FitWithOutOfBag(float[][] rows, float[] labels) => Grow(rows, labels, outOfBag: Bootstrap);

    private (ForestModel Model, double[]? OutOfBag) Grow(float[][] rows, float[] labels, bool outOfBag)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        Validate(rows, labels);

        var featureCount = rows[0].Length;
        var threads = Math.Max(1, Threads);
        var binned = FeatureBinner.Bin(rows, Math.Clamp(MaxBins, 2, 256), threads);
        var binary = IsBinary(labels);
        var fraction = FeatureFraction ?? (binary ? BinaryFeatureFraction : RegressionFeatureFraction);
        var featuresPerSplit = Math.Clamp((int)Math.Round(fraction * featureCount), 1, featureCount);
        var minLeaf = MinSamplesLeaf ?? (binary ? BinaryMinSamplesLeaf : RegressionMinSamplesLeaf);

        var (negativeWeight, positiveWeight) = BalancedClasses ? ClassWeights(labels) : (1, 1);
        var settings = new TreeSettings(MaxDepth, MaxLeaves, minLeaf, featuresPerSplit, Bootstrap, Seed, negativeWeight, positiveWeight) { MaxSamples = MaxSamples };
        var trees = new GrownTree[Trees];
        var left = outOfBag ? new bool[Trees][] : null;
        Parallel.For(
            0,
            Trees,
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            // One builder (and its buffers) per worker: trees allocate nothing per node.
            () => new TreeBuilder(binned, labels, settings),
            (t, _, builder) =>
            {
                trees[t] = builder.Grow(t);
                if (left is not null)
                {
                    left[t] = builder.OutOfBag();
                }

                return builder;
            },
            _ => { });

        var model = ForestModel.FromTrees(featureCount, trees, threads);
        return (model, left is null ? null : model.OutOfBagPredictions(rows, left));
    }

    private void Validate(float[][] rows, float[] labels)
    {
        if (rows.Length == 0)
        {
            throw new ArgumentException("A forest needs at least one training row.", nameof(rows));
        }

        if (rows.Length != labels.Length)
        {
            throw new ArgumentException($"{rows.Length} rows but {labels.Length} labels.", nameof(labels));
        }

        var width = rows[0]?.Length ?? 0;
        if (width == 0)
        {
            throw new ArgumentException("Rows need at least one feature.", nameof(rows));
        }

        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i] is null || rows[i].Length != width)
            {
                throw new ArgumentException($"Row {i} has {rows[i]?.Length ?? 0} features; row 0 has {width}.", nameof(rows));
            }

            if (!float.IsFinite(labels[i]))
            {
                throw new ArgumentException($"Label {i} is {labels[i]}; labels must be finite.", nameof(labels));
            }
        }

        if (Trees < 1 || MaxDepth < 1 || MaxLeaves < 0 || MinSamplesLeaf < 1 || MaxSamples < 1 || MaxBins is < 2 or > 256)
        {
            throw new ArgumentException("Trees, MaxDepth, MinSamplesLeaf and MaxSamples must be ≥ 1, MaxLeaves ≥ 0, MaxBins in 2–256.");
        }

        if (FeatureFraction is { } f && !(f > 0 && f <= 1))
        {
            throw new ArgumentException($"FeatureFraction {f} must be in (0, 1].");
        }

        if (BalancedClasses && !IsBinary(labels))
        {
            throw new ArgumentException("BalancedClasses needs 0/1 labels.", nameof(labels));
        }
    }

    /// <summary>Integer weights that bring the rarer class's total up to the other's (1 and 1 when one class is absent).</summary>
    internal static (int Negative, int Positive) ClassWeights(float[] labels)
    {
        var positives = labels.Count(y => y == 1f);
        var negatives = labels.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return (1, 1);
        }

        return positives < negatives
            ? (1, Math.Max(1, (int)Math.Round((double)negatives / positives)))
            : (Math.Max(1, (int)Math.Round((double)positives / negatives)), 1);
    }

    private static bool IsBinary(float[] labels)
    {
        foreach (var y in labels)
        {
            if (y != 0f && y != 1f)
            {
                return false;
            }
        }

        return true;
    }
}
