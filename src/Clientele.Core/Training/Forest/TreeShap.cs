using System.Runtime.CompilerServices;

namespace Clientele.Core.Training.Forest;

/// <summary>
/// Exact path-dependent TreeSHAP (Lundberg, Erion and Lee 2018, Algorithm 2) over one tree in flat arrays:
/// polynomial in depth, and each feature's value is its Shapley value under the tree's own conditional
/// expectation (branches not followed weighed by training cover). Unlike Saabas path credits, the values
/// do not depend on the order in which the tree happens to test features.
/// </summary>
internal static class TreeShap
{
    /// <summary>
    /// Adds <paramref name="scale"/> × the SHAP values of <paramref name="row"/> in the tree at <paramref name="root"/>
    /// to <paramref name="phi"/>. <paramref name="path"/> is scratch of at least <see cref="PathLength"/>(depth) entries.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(
        ReadOnlySpan<int> feature, ReadOnlySpan<float> threshold, ReadOnlySpan<int> left, ReadOnlySpan<int> right,
        ReadOnlySpan<double> value, ReadOnlySpan<double> cover, int root, ReadOnlySpan<float> row,
        Span<double> phi, Span<PathElement> path, double scale)
    {
        var tree = new Tree(feature, threshold, left, right, value, cover, row, scale);
        Recurse(ref tree, phi, path, 0, root, 0, 1, 1, -1);
    }

    /// <summary>Scratch entries <see cref="Add"/> needs for a tree of <paramref name="depth"/> split levels.</summary>
    public static int PathLength(int depth) => (depth + 2) * (depth + 3) / 2;

    /// <summary>Cover-weighted mean leaf value of one tree: what its SHAP values are measured from.</summary>
    public static double ExpectedValue(
        ReadOnlySpan<int> feature, ReadOnlySpan<int> left, ReadOnlySpan<int> right, ReadOnlySpan<double> value,
        ReadOnlySpan<double> cover, int at)
    {
        if (feature[at] < 0)
        {
            return value[at];
        }

        int l = left[at], r = right[at];
        return ((cover[l] * ExpectedValue(feature, left, right, value, cover, l))
            + (cover[r] * ExpectedValue(feature, left, right, value, cover, r))) / (cover[l] + cover[r]);
    }

    // The path for this call lives at path[offset..offset+depth]; a child's copy goes right after it, so the
    // parent's stays intact for the sibling (the paper's copy-on-descend, in one flat buffer).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Recurse(
        ref Tree tree, Span<double> phi, Span<PathElement> path, int offset, int node, int depth,
        double zeroFraction, double oneFraction, int featureIndex)
    {
        var next = offset + depth + 1;
        var unique = path.Slice(next);
        path.Slice(offset, depth).CopyTo(unique);
        Extend(unique, depth, zeroFraction, oneFraction, featureIndex);

        var split = tree.Feature[node];
        if (split < 0)
        {
            for (var i = 1; i <= depth; i++)
            {
                var w = UnwoundSum(unique, depth, i);
                ref readonly var e = ref unique[i];
                phi[e.Feature] += w * (e.One - e.Zero) * tree.Value[node] * tree.Scale;
            }

            return;
        }

        var hot = tree.Row[split] <= tree.Threshold[node] ? tree.Left[node] : tree.Right[node];
        var cold = hot == tree.Left[node] ? tree.Right[node] : tree.Left[node];
        double incomingZero = 1, incomingOne = 1;
        var k = 1;
        for (; k <= depth; k++)
        {
            if (unique[k].Feature == split)
            {
                break;
            }
        }

        if (k <= depth)
        {
            incomingZero = unique[k].Zero;
            incomingOne = unique[k].One;
            Unwind(unique, depth, k);
            depth--;
        }

        var parentCover = tree.Cover[node];
        Recurse(ref tree, phi, path, next, hot, depth + 1, tree.Cover[hot] / parentCover * incomingZero, incomingOne, split);
        Recurse(ref tree, phi, path, next, cold, depth + 1, tree.Cover[cold] / parentCover * incomingZero, 0, split);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Extend(Span<PathElement> path, int depth, double zero, double one, int feature)
    {
        path[depth] = new PathElement { Feature = feature, Zero = zero, One = one, Weight = depth == 0 ? 1 : 0 };
        for (var i = depth - 1; i >= 0; i--)
        {
            path[i + 1].Weight += one * path[i].Weight * (i + 1) / (depth + 1);
            path[i].Weight = zero * path[i].Weight * (depth - i) / (depth + 1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Unwind(Span<PathElement> path, int depth, int index)
    {
        var one = path[index].One;
        var zero = path[index].Zero;
        var nextOne = path[depth].Weight;
        for (var i = depth - 1; i >= 0; i--)
        {
            if (one != 0)
            {
                var kept = path[i].Weight;
                path[i].Weight = nextOne * (depth + 1) / ((i + 1) * one);
                nextOne = kept - (path[i].Weight * zero * (depth - i) / (depth + 1));
            }
            else
            {
                path[i].Weight = path[i].Weight * (depth + 1) / (zero * (depth - i));
            }
        }

        for (var i = index; i < depth; i++)
        {
            path[i].Feature = path[i + 1].Feature;
            path[i].Zero = path[i + 1].Zero;
            path[i].One = path[i + 1].One;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double UnwoundSum(ReadOnlySpan<PathElement> path, int depth, int index)
    {
        var one = path[index].One;
        var zero = path[index].Zero;
        var nextOne = path[depth].Weight;
        double total = 0;
        for (var i = depth - 1; i >= 0; i--)
        {
            if (one != 0)
            {
                var w = nextOne * (depth + 1) / ((i + 1) * one);
                total += w;
                nextOne = path[i].Weight - (w * zero * (depth - i) / (depth + 1));
            }
            else if (zero != 0)
            {
                total += path[i].Weight * (depth + 1) / (zero * (depth - i));
            }
        }

        return total;
    }

    /// <summary>One feature on the current path: fraction of cover kept when it is unknown (zero) or known (one).</summary>
    internal struct PathElement
    {
        public int Feature;
        public double Zero;
        public double One;
        public double Weight;
    }

    private readonly ref struct Tree(
        ReadOnlySpan<int> feature, ReadOnlySpan<float> threshold, ReadOnlySpan<int> left, ReadOnlySpan<int> right,
        ReadOnlySpan<double> value, ReadOnlySpan<double> cover, ReadOnlySpan<float> row, double scale)
    {
        public readonly ReadOnlySpan<int> Feature = feature;
        public readonly ReadOnlySpan<float> Threshold = threshold;
        public readonly ReadOnlySpan<int> Left = left;
        public readonly ReadOnlySpan<int> Right = right;
        public readonly ReadOnlySpan<double> Value = value;
        public readonly ReadOnlySpan<double> Cover = cover;
        public readonly ReadOnlySpan<float> Row = row;
        public readonly double Scale = scale;
    }
}
