using System.Buffers;
using System.Runtime.CompilerServices;

namespace Clientele.Core.Training.Forest;

/// <summary>
/// A trained random forest: the mean of its trees' leaf values. On 0/1 labels that mean is a probability.
/// All trees live in one flat node array (children indices absolute) so prediction walks contiguous memory.
/// Also explains single predictions (Saabas path attributions) and saves to a small versioned binary format.
/// </summary>
public sealed partial class ForestModel
{
    /// <summary>
    /// Format version written by <see cref="Save"/>. Version 2 adds each node's training cover (for exact TreeSHAP);
    /// <see cref="Load"/> still reads version 1, whose models have no cover and so explain with Saabas only.
    /// </summary>
    public const int FormatVersion = 2;

    /// <summary>The last version without node cover: still loaded, so models trained before TreeSHAP keep working.</summary>
    private const int FormatVersionWithoutCover = 1;

    /// <summary>Below this many rows a batch is predicted on the calling thread: scheduling costs more than it saves.</summary>
    private const int ParallelBatchThreshold = 256;

    private static readonly byte[] Magic = "CLFOREST"u8.ToArray();

    private readonly Node[] _nodes;
    private readonly double[] _values;
    private readonly int[] _roots;
    private readonly int _threads;

    // Each node's value minus its parent's (0 at roots): the credit a split passes to the child taken, computed
    // once with the same double subtraction the dense walk does, so sparse and dense contributions agree bit for bit.
    private readonly double[] _credit;
    private readonly ForestWalker _walker;

    // Null for a version-1 file: without cover the tree's conditional expectation is unknown, so no TreeSHAP.
    private readonly double[]? _cover;

    // Structure of arrays for TreeSHAP, which reads the fields separately and recursively.
    private readonly int[] _feature;
    private readonly float[] _threshold;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly int _pathLength;

    private ForestModel(int featureCount, Node[] nodes, double[] values, double[]? cover, int[] roots, int threads)
    {
        FeatureCount = featureCount;
        _nodes = nodes;
        _values = values;
        _cover = cover;
        _roots = roots;
        _threads = Math.Max(1, threads);
        double bias = 0;
        foreach (var root in roots)
        {
            bias += values[root];
        }

        Bias = bias / roots.Length;
        _credit = new double[nodes.Length];
        for (var k = 0; k < nodes.Length; k++)
        {
            if (nodes[k].Feature >= 0)
            {
                _credit[nodes[k].Left] = values[nodes[k].Left] - values[k];
                _credit[nodes[k].Right] = values[nodes[k].Right] - values[k];
            }
        }

        _feature = nodes.Select(n => n.Feature).ToArray();
        _threshold = nodes.Select(n => n.Threshold).ToArray();
        _left = nodes.Select(n => n.Left).ToArray();
        _right = nodes.Select(n => n.Right).ToArray();
        _walker = new ForestWalker(_feature, _threshold, _left, _right, values, roots);

        // Children lie after their parent, so one forward pass gives every node's depth.
        var depth = new int[nodes.Length];
        var maxDepth = 0;
        for (var k = 0; k < nodes.Length; k++)
        {
            if (nodes[k].Feature >= 0)
            {
                depth[nodes[k].Left] = depth[nodes[k].Right] = depth[k] + 1;
                maxDepth = Math.Max(maxDepth, depth[k] + 1);
            }
        }

        _pathLength = TreeShap.PathLength(maxDepth);
        if (cover is not null)
        {
            double expected = 0;
            foreach (var root in roots)
            {
                expected += TreeShap.ExpectedValue(_feature, _left, _right, values, cover, root);
            }

            ExpectedValue = expected / roots.Length;
        }
        else
        {
            ExpectedValue = Bias;
        }
    }

    /// <summary>True when the model stores node cover (format 2 and later), so <see cref="ShapValues(ReadOnlySpan{float}, Span{double})"/> can run.</summary>
    public bool HasCover => _cover is not null;

    /// <summary>Mean over trees of the cover-weighted leaf mean: the base exact SHAP values are measured from.</summary>
    public double ExpectedValue { get; }

    /// <summary>Number of features each row must have.</summary>
    public int FeatureCount { get; }

    /// <summary>Number of trees.</summary>
    public int TreeCount => _roots.Length;

    /// <summary>Mean of the trees' root values (the training label mean under each bootstrap): contributions start here.</summary>
    public double Bias { get; }

    /// <summary>Mean leaf value over all trees for one row.</summary>
    public double Predict(ReadOnlySpan<float> row)
    {
        CheckRow(row);
        return PredictUnchecked(row);
    }

    /// <summary>Predicts many rows, in parallel when there are enough to pay for it; results equal <see cref="Predict"/>'s.</summary>
    public void PredictBatch(float[][] rows, Span<double> output)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (output.Length < rows.Length)
        {
            throw new ArgumentException($"Output holds {output.Length} values for {rows.Length} rows.", nameof(output));
        }

        foreach (var row in rows)
        {
            CheckRow(row);
        }

        if (rows.Length < ParallelBatchThreshold || _threads == 1)
        {
            PredictRange(rows, 0, rows.Length, output);
            return;
        }

        // A span cannot cross into the worker lambdas, so workers fill a pooled array copied out after.
        var buffer = ArrayPool<double>.Shared.Rent(rows.Length);
        try
        {
            var chunk = (rows.Length + (_threads * 4) - 1) / (_threads * 4);
            Parallel.For(
                0,
                (rows.Length + chunk - 1) / chunk,
                new ParallelOptions { MaxDegreeOfParallelism = _threads },
                c => PredictRange(rows, c * chunk, Math.Min(rows.Length, (c + 1) * chunk), buffer));
            buffer.AsSpan(0, rows.Length).CopyTo(output);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Out-of-bag predictions for the training rows: per row, the mean leaf value over the trees whose bootstrap
    /// left it out (<paramref name="outOfBag"/>[tree] lists them), trees taken in index order so the result does not
    /// depend on threads. A row that every bootstrap drew gets the whole forest's prediction.
    /// </summary>
    internal double[] OutOfBagPredictions(float[][] rows, bool[][] outOfBag)
    {
        var result = new double[rows.Length];
        Parallel.For(0, rows.Length, new ParallelOptions { MaxDegreeOfParallelism = _threads }, i =>
        {
            double sum = 0;
            var count = 0;
            for (var t = 0; t < _roots.Length; t++)
            {
                if (outOfBag[t][i])
                {
                    sum += _values[Leaf(_roots[t], rows[i])];
                    count++;
                }
            }

            result[i] = count > 0 ? sum / count : PredictUnchecked(rows[i]);
        });
        return result;
    }

    /// <summary>The leaf <paramref name="row"/> reaches in the tree starting at <paramref name="root"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Leaf(int root, ReadOnlySpan<float> row)
    {
        var nodes = _nodes;
        var at = root;
        while (true)
        {
            ref readonly var node = ref nodes[at];
            if (node.Feature < 0)
            {
                return at;
            }

            at = row[node.Feature] <= node.Threshold ? node.Left : node.Right;
        }
    }

    /// <summary>
    /// Saabas path attributions: walking each tree from root to leaf, every split credits its feature with
    /// (child mean − parent mean); credits are averaged over trees. <c>Bias + Σ output == Predict(row)</c>
    /// up to float rounding. <paramref name="output"/> must hold <see cref="FeatureCount"/> values.
    /// </summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Contributions(ReadOnlySpan<float> row, Span<float> output)
    {
        CheckRow(row);
        if (output.Length < FeatureCount)
        {
            throw new ArgumentException($"Output holds {output.Length} values for {FeatureCount} features.", nameof(output));
        }

        // Accumulate in double: hundreds of small ± credits per feature would drift in float.
        var sums = ArrayPool<double>.Shared.Rent(FeatureCount);
        try
        {
            Array.Clear(sums, 0, FeatureCount);
            foreach (var root in _roots)
            {
                var at = root;
                while (_nodes[at].Feature >= 0)
                {
                    ref readonly var node = ref _nodes[at];
                    var next = row[node.Feature] <= node.Threshold ? node.Left : node.Right;
                    sums[node.Feature] += _values[next] - _values[at];
                    at = next;
                }
            }

            var scale = 1.0 / _roots.Length;
            for (var f = 0; f < FeatureCount; f++)
            {
                output[f] = (float)(sums[f] * scale);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(sums);
        }
    }

    /// <summary>
    /// The same attributions as <see cref="Contributions(ReadOnlySpan{float}, Span{float})"/>, then scaled so the
    /// row's largest absolute value is 1 (as <see cref="TargetModel.Contributions(float[], Span{float})"/> does), kept
    /// sparse in <paramref name="result"/>: only the features on the row's paths are visited.
    /// </summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Contributions(ReadOnlySpan<float> row, SparseContributions result)
    {
        CheckRow(row);
        ArgumentNullException.ThrowIfNull(result);
        result.Begin(FeatureCount);
        var nodes = _nodes;
        var credit = _credit;
        foreach (var root in _roots)
        {
            var at = root;
            while (nodes[at].Feature >= 0)
            {
                ref readonly var node = ref nodes[at];
                var next = row[node.Feature] <= node.Threshold ? node.Left : node.Right;
                result.Add(node.Feature, credit[next]);
                at = next;
            }
        }

        result.Finish(1.0 / _roots.Length);
    }

    /// <summary>
    /// Exact path-dependent TreeSHAP values averaged over trees: <c>ExpectedValue + Σ output == Predict(row)</c>
    /// up to double rounding. <paramref name="output"/> must hold <see cref="FeatureCount"/> values.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model was loaded from a version-1 file, which has no cover.</exception>
    public void ShapValues(ReadOnlySpan<float> row, Span<double> output)
    {
        CheckRow(row);
        if (output.Length < FeatureCount)
        {
            throw new ArgumentException($"Output holds {output.Length} values for {FeatureCount} features.", nameof(output));
        }

        var cover = _cover ?? throw new InvalidOperationException(
            "This forest was saved in format version 1, which has no node cover, so exact TreeSHAP cannot run; retrain to get it.");
        output[..FeatureCount].Clear();
        var path = ArrayPool<TreeShap.PathElement>.Shared.Rent(_pathLength);
        try
        {
            var scale = 1.0 / _roots.Length;
            foreach (var root in _roots)
            {
                TreeShap.Add(_feature, _threshold, _left, _right, _values, cover, root, row, output, path, scale);
            }
        }
        finally
        {
            ArrayPool<TreeShap.PathElement>.Shared.Return(path);
        }
    }

    /// <summary>
    /// Exact TreeSHAP values scaled so the row's largest absolute value is 1, sparse as the Saabas overload is.
    /// Falls back to Saabas for a version-1 model (no cover).
    /// </summary>
    public void ShapValues(ReadOnlySpan<float> row, SparseContributions result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (_cover is null)
        {
            Contributions(row, result);
            return;
        }

        var dense = ArrayPool<double>.Shared.Rent(FeatureCount);
        try
        {
            ShapValues(row, dense.AsSpan(0, FeatureCount));
            result.Begin(FeatureCount);
            for (var f = 0; f < FeatureCount; f++)
            {
                if (dense[f] != 0)
                {
                    result.Add(f, dense[f]);
                }
            }

            result.Finish(1.0);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(dense);
        }
    }

    internal static ForestModel FromTrees(int featureCount, GrownTree[] trees, int threads)
    {
        var total = 0;
        foreach (var tree in trees)
        {
            total += tree.Feature.Length;
        }

        var nodes = new Node[total];
        var values = new double[total];
        var cover = new double[total];
        var roots = new int[trees.Length];
        var offset = 0;
        for (var t = 0; t < trees.Length; t++)
        {
            var tree = trees[t];
            roots[t] = offset;
            for (var k = 0; k < tree.Feature.Length; k++)
            {
                var leaf = tree.Feature[k] < 0;
                nodes[offset + k] = new Node(
                    tree.Feature[k],
                    tree.Threshold[k],
                    leaf ? -1 : tree.Left[k] + offset,
                    leaf ? -1 : tree.Right[k] + offset);
                values[offset + k] = tree.Value[k];
                cover[offset + k] = tree.Cover[k];
            }

            offset += tree.Feature.Length;
        }

        return new ForestModel(featureCount, nodes, values, cover, roots, threads);
    }

    /// <summary>Rows [start, end) four at a time through the branch-free walker, the rest one by one; same values either way.</summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PredictRange(float[][] rows, int start, int end, Span<double> output)
    {
        Span<double> sums = stackalloc double[ForestWalker.Lanes];
        var i = start;
        for (; i + ForestWalker.Lanes <= end; i += ForestWalker.Lanes)
        {
            _walker.LeafSums(rows[i], rows[i + 1], rows[i + 2], rows[i + 3], sums);
            for (var k = 0; k < ForestWalker.Lanes; k++)
            {
                output[i + k] = sums[k] / _roots.Length;
            }
        }

        for (; i < end; i++)
        {
            output[i] = PredictUnchecked(rows[i]);
        }
    }

    private double PredictUnchecked(ReadOnlySpan<float> row)
    {
        double sum = 0;
        foreach (var root in _roots)
        {
            sum += _values[Leaf(root, row)];
        }

        return sum / _roots.Length;
    }

    private void CheckRow(ReadOnlySpan<float> row)
    {
        if (row.Length != FeatureCount)
        {
            throw new ArgumentException($"Row has {row.Length} features; the model was trained on {FeatureCount}.", nameof(row));
        }
    }

    /// <summary>
    /// One split or leaf in 16 bytes, so a walk touches one cache line per level; the node means live in a
    /// parallel array because only leaves' are read when predicting.
    /// </summary>
    private readonly record struct Node(int Feature, float Threshold, int Left, int Right);
}
