using Microsoft.ML.Trainers.FastTree;

namespace Clientele.Core.Training;

/// <summary>
/// A LightGbm member as ML.NET scores it (InternalRegressionTree.GetLeaf / InternalTreeEnsemble.GetOutput): in
/// each tree go left when value ≤ threshold, sum the leaves in tree order in double, cast to float. Same
/// comparisons and additions, so scores are bit-identical. Trees with categorical splits, a non-zero ensemble
/// bias or rows with NaN (ML.NET may substitute a per-node default) are left to ML.NET.
/// </summary>
internal sealed class CompiledTrees : CompiledMember
{
    // All trees in flat arrays; a child ≥ 0 is a node, ~child is a leaf.
    private readonly int[] _feature;
    private readonly float[] _threshold;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[] _leafValue;
    private readonly int[] _root;     // per tree: its first node, or int.MinValue for an empty tree (output 0)
    private readonly int _maxFeature;

    private CompiledTrees(int[] feature, float[] threshold, int[] left, int[] right, double[] leafValue, int[] root, (double Slope, double Offset)? platt)
        : base(platt)
    {
        _feature = feature;
        _threshold = threshold;
        _left = left;
        _right = right;
        _leafValue = leafValue;
        _root = root;
        _maxFeature = feature.Length == 0 ? -1 : feature.Max();
    }

    public static CompiledTrees? From(RegressionTreeEnsemble ensemble, (double Slope, double Offset)? platt)
    {
        if (ensemble.Bias != 0)
        {
            return null;
        }

        var feature = new List<int>();
        var threshold = new List<float>();
        var left = new List<int>();
        var right = new List<int>();
        var leafValue = new List<double>();
        var roots = new int[ensemble.Trees.Count];
        for (var t = 0; t < ensemble.Trees.Count; t++)
        {
            var tree = ensemble.Trees[t];
            if (tree.CategoricalSplitFlags.Any(c => c))
            {
                return null;
            }

            var nodes = tree.NumberOfNodes;
            var nodeBase = feature.Count;
            var leafBase = leafValue.Count;
            leafValue.AddRange(tree.LeafValues);

            // ML.NET answers 0 for a tree whose first left child is the root itself, its "empty tree" marker, which
            // a one-leaf tree (no nodes, zero-filled child arrays) also carries.
            if (nodes == 0 || tree.LeftChild[0] == 0)
            {
                roots[t] = int.MinValue;
                continue;
            }

            roots[t] = nodeBase;
            for (var k = 0; k < nodes; k++)
            {
                feature.Add(tree.NumericalSplitFeatureIndexes[k]);
                threshold.Add(tree.NumericalSplitThresholds[k]);
                left.Add(Relocate(tree.LeftChild[k], nodeBase, leafBase, nodes, tree.NumberOfLeaves));
                right.Add(Relocate(tree.RightChild[k], nodeBase, leafBase, nodes, tree.NumberOfLeaves));
            }
        }

        return feature.Any(f => f < 0)
            ? null
            : new CompiledTrees([.. feature], [.. threshold], [.. left], [.. right], [.. leafValue], roots, platt);
    }

    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    protected override bool TryRawScore(float[] row, out float score)
    {
        score = 0;
        if (_maxFeature >= row.Length || !AllFinite(row))
        {
            return false;
        }

        double sum = 0;
        foreach (var root in _root)
        {
            if (root == int.MinValue)
            {
                continue;
            }

            var node = root;
            while (node >= 0)
            {
                node = row[_feature[node]] <= _threshold[node] ? _left[node] : _right[node];
            }

            sum += _leafValue[~node];
        }

        score = (float)sum;
        return true;
    }

    private static int Relocate(int child, int nodeBase, int leafBase, int nodes, int leaves)
    {
        if (child >= 0)
        {
            return child < nodes ? nodeBase + child : throw new InvalidOperationException("tree child out of range");
        }

        return ~child < leaves ? ~(leafBase + ~child) : throw new InvalidOperationException("tree leaf out of range");
    }
}
