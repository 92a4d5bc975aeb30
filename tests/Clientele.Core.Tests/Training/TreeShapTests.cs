using Clientele.Core.Text;
using Clientele.Core.Training.Forest;

namespace Clientele.Core.Tests.Training;

public class TreeShapTests
{
    private const int Header = 8 + (4 * 4);
    private const int NodeBytesV2 = 4 + 4 + 4 + 4 + 8 + 8;

    [Fact]
    public void ShapValues_SumToPredictionMinusExpectedValue_PerClient()
    {
        var (rows, labels) = Data(new Random(11), 600, features: 8);
        var model = new ForestOptions { Trees = 20, MaxDepth = 8, Seed = 3, Threads = 1 }.Fit(rows, labels);
        var phi = new double[model.FeatureCount];

        foreach (var row in Data(new Random(12), 200, features: 8).Rows)
        {
            model.ShapValues(row, phi);
            var expected = model.Predict(row) - model.ExpectedValue;
            Assert.True(
                Math.Abs(phi.Sum() - expected) <= 1e-9 * Math.Max(1, Math.Abs(model.Predict(row))),
                $"Σφ = {phi.Sum():R}, prediction − E = {expected:R}");
        }
    }

    [Theory]
    [InlineData(21, 3)]
    [InlineData(22, 5)]
    [InlineData(23, 6)]
    public void ShapValues_OnSmallTrees_EqualBruteForceShapleyValuesOfThePathDependentExpectation(int seed, int features)
    {
        var (rows, labels) = Data(new Random(seed), 400, features);
        var model = new ForestOptions { Trees = 4, MaxDepth = 6, Seed = seed, Threads = 1 }.Fit(rows, labels);
        var trees = Parse(model);
        var phi = new double[features];

        foreach (var row in Data(new Random(seed + 100), 30, features).Rows)
        {
            model.ShapValues(row, phi);
            var brute = BruteForce(trees, row, features);
            for (var f = 0; f < features; f++)
            {
                Assert.Equal(brute[f], phi[f], 1e-12);
            }
        }
    }

    [Fact]
    public void ShapValues_RepeatedSplitsOnOneFeature_StillMatchBruteForce()
    {
        // A step in x0 at several places makes trees split x0 again below x0: the unwind path of the algorithm.
        var rng = new Random(31);
        var rows = new float[500][];
        var labels = new float[500];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = [(float)rng.NextDouble(), (float)rng.NextDouble(), (float)rng.NextDouble()];
            labels[i] = (float)(Math.Floor(rows[i][0] * 4) + (rows[i][1] > 0.5 ? 1 : 0));
        }

        var model = new ForestOptions { Trees = 3, MaxDepth = 6, Seed = 5, Threads = 1 }.Fit(rows, labels);
        var trees = Parse(model);
        Assert.Contains(trees, t => RepeatsAFeature(t, t.Root, []));
        var phi = new double[3];
        foreach (var row in rows.Take(40))
        {
            model.ShapValues(row, phi);
            var brute = BruteForce(trees, row, 3);
            for (var f = 0; f < 3; f++)
            {
                Assert.Equal(brute[f], phi[f], 1e-12);
            }
        }
    }

    [Fact]
    public void ShapValues_SameSeed_GiveIdenticalValuesAfterSaveAndLoad()
    {
        var (rows, labels) = Data(new Random(41), 300, features: 5);
        var model = new ForestOptions { Trees = 6, Seed = 9, Threads = 1 }.Fit(rows, labels);
        using var stream = new MemoryStream();
        model.Save(stream);
        var loaded = ForestModel.Load(new MemoryStream(stream.ToArray()));
        var a = new double[5];
        var b = new double[5];

        model.ShapValues(rows[0], a);
        loaded.ShapValues(rows[0], b);

        Assert.True(loaded.HasCover);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Load_Version1File_LoadsWithoutCoverAndFallsBackToSaabasForSparseReasons()
    {
        var (rows, labels) = Data(new Random(51), 300, features: 5);
        var model = new ForestOptions { Trees = 6, Seed = 9, Threads = 1 }.Fit(rows, labels);
        var v1 = ToVersion1(Bytes(model));

        var old = ForestModel.Load(new MemoryStream(v1));

        Assert.False(old.HasCover);
        Assert.Equal(model.Predict(rows[1]), old.Predict(rows[1]));
        var error = Assert.Throws<InvalidOperationException>(() => old.ShapValues(rows[1], new double[5]));
        Assert.Contains("version 1", error.Message);
        var saabas = new SparseContributions();
        var fallback = new SparseContributions();
        old.Contributions(rows[1], saabas);
        old.ShapValues(rows[1], fallback);
        for (var f = 0; f < 5; f++)
        {
            Assert.Equal(saabas[f], fallback[f]);
        }
    }

    private static (float[][] Rows, float[] Labels) Data(Random rng, int n, int features)
    {
        var rows = new float[n][];
        var labels = new float[n];
        for (var i = 0; i < n; i++)
        {
            rows[i] = [.. Enumerable.Range(0, features).Select(_ => (float)rng.NextDouble())];
            var x = rows[i];
            var y = (2 * x[0]) - x[1] + (x[0] * x[features - 1] * 3) + (x[1] > 0.6 ? 1 : 0) + (0.3 * rng.NextDouble());
            labels[i] = (float)y;
        }

        return (rows, labels);
    }

    private static byte[] Bytes(ForestModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    /// <summary>Rewrites a version-2 file as version 1 would have been written: no cover, re-hashed.</summary>
    private static byte[] ToVersion1(byte[] v2)
    {
        var trees = BitConverter.ToInt32(v2, 16);
        var nodes = BitConverter.ToInt32(v2, 20);
        using var body = new MemoryStream();
        body.Write(v2, 0, Header + (4 * trees));
        for (var k = 0; k < nodes; k++)
        {
            body.Write(v2, Header + (4 * trees) + (k * NodeBytesV2), NodeBytesV2 - 8);
        }

        var bytes = body.ToArray();
        BitConverter.TryWriteBytes(bytes.AsSpan(8, 4), 1);
        return [.. bytes, .. BitConverter.GetBytes(StableHash.Of(bytes))];
    }

    private static List<Tree> Parse(ForestModel model)
    {
        var bytes = Bytes(model);
        var treeCount = BitConverter.ToInt32(bytes, 16);
        var nodeCount = BitConverter.ToInt32(bytes, 20);
        var roots = Enumerable.Range(0, treeCount).Select(t => BitConverter.ToInt32(bytes, Header + (4 * t))).ToArray();
        var at = Header + (4 * treeCount);
        var feature = new int[nodeCount];
        var threshold = new float[nodeCount];
        var left = new int[nodeCount];
        var right = new int[nodeCount];
        var value = new double[nodeCount];
        var cover = new double[nodeCount];
        for (var k = 0; k < nodeCount; k++, at += NodeBytesV2)
        {
            feature[k] = BitConverter.ToInt32(bytes, at);
            threshold[k] = BitConverter.ToSingle(bytes, at + 4);
            left[k] = BitConverter.ToInt32(bytes, at + 8);
            right[k] = BitConverter.ToInt32(bytes, at + 12);
            value[k] = BitConverter.ToDouble(bytes, at + 16);
            cover[k] = BitConverter.ToDouble(bytes, at + 24);
        }

        return [.. roots.Select(r => new Tree(feature, threshold, left, right, value, cover, r))];
    }

    /// <summary>Shapley values by enumerating every subset, v(S) the tree's path-dependent conditional expectation.</summary>
    private static double[] BruteForce(List<Tree> trees, float[] row, int features)
    {
        var phi = new double[features];
        var factorial = new double[features + 1];
        factorial[0] = 1;
        for (var i = 1; i <= features; i++)
        {
            factorial[i] = factorial[i - 1] * i;
        }

        foreach (var tree in trees)
        {
            for (var f = 0; f < features; f++)
            {
                for (var set = 0; set < 1 << features; set++)
                {
                    if ((set & (1 << f)) != 0)
                    {
                        continue;
                    }

                    var size = System.Numerics.BitOperations.PopCount((uint)set);
                    var weight = factorial[size] * factorial[features - size - 1] / factorial[features];
                    phi[f] += weight * (Conditional(tree, tree.Root, row, set | (1 << f)) - Conditional(tree, tree.Root, row, set))
                        / trees.Count;
                }
            }
        }

        return phi;
    }

    private static double Conditional(Tree tree, int at, float[] row, int known)
    {
        var f = tree.Feature[at];
        if (f < 0)
        {
            return tree.Value[at];
        }

        if ((known & (1 << f)) != 0)
        {
            return Conditional(tree, row[f] <= tree.Threshold[at] ? tree.Left[at] : tree.Right[at], row, known);
        }

        int l = tree.Left[at], r = tree.Right[at];
        return ((tree.Cover[l] * Conditional(tree, l, row, known)) + (tree.Cover[r] * Conditional(tree, r, row, known)))
            / tree.Cover[at];
    }

    private static bool RepeatsAFeature(Tree tree, int at, HashSet<int> above)
    {
        var f = tree.Feature[at];
        if (f < 0)
        {
            return false;
        }

        if (above.Contains(f))
        {
            return true;
        }

        HashSet<int> below = [.. above, f];
        return RepeatsAFeature(tree, tree.Left[at], below) || RepeatsAFeature(tree, tree.Right[at], below);
    }

    private sealed record Tree(int[] Feature, float[] Threshold, int[] Left, int[] Right, double[] Value, double[] Cover, int Root);
}
