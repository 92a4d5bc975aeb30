using Clientele.Core.Labels;
using Clientele.Core.Training;
using Clientele.Core.Training.Forest;
using Clientele.Core.Training.Learners;

namespace Clientele.Core.Tests.Training;

/// <summary>The forest's fast paths (blocked branch-free prediction, sparse contributions) against the plain walks, bit for bit.</summary>
public class ForestFastPathTests
{
    [Theory]
    [InlineData(1, 8)]
    [InlineData(2, 32)]
    [InlineData(1, 200)]
    public void Batch_prediction_equals_row_by_row_prediction_exactly(int threads, int leaves)
    {
        var (rows, labels) = Data(new Random(leaves), 1_003);
        var model = new ForestOptions { Trees = 40, MaxLeaves = leaves, Threads = threads }.Fit(rows, labels);
        var batch = new double[rows.Length];
        model.PredictBatch(rows, batch);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(model.Predict(rows[i]), batch[i]);
        }
    }

    [Fact]
    public void Batch_prediction_sends_missing_values_right_as_the_plain_walk_does()
    {
        var (rows, labels) = Data(new Random(5), 600);
        var model = new ForestOptions { Trees = 20, Threads = 1 }.Fit(rows, labels);
        var probe = rows.Take(9).Select(r => r.Select((v, j) => j % 2 == 0 ? float.NaN : v).ToArray()).ToArray();
        var batch = new double[probe.Length];
        model.PredictBatch(probe, batch);
        for (var i = 0; i < probe.Length; i++)
        {
            Assert.Equal(model.Predict(probe[i]), batch[i]);
        }
    }

    [Fact]
    public void Sparse_contributions_equal_the_scaled_dense_contributions_exactly()
    {
        var (rows, labels) = Data(new Random(3), 800);
        var forest = new ForestOptions { Trees = 60, MaxLeaves = 32, Threads = 1 }.Fit(rows, labels);
        var model = new TargetModel(Target.LifetimeValue, [new EnsembleMember(new ForestLearner.Member(forest), PlattCalibrator.Identity)]);
        var dense = new float[forest.FeatureCount];
        var sparse = new SparseContributions();
        foreach (var row in rows[..200])
        {
            Assert.True(model.Contributions(row, dense));
            forest.Contributions(row, sparse);
            for (var f = 0; f < forest.FeatureCount; f++)
            {
                Assert.Equal(dense[f], sparse[f]);
                Assert.True(dense[f] == 0 || sparse.Touched.Contains(f));
            }
        }
    }

    // Sparse-ish rows like the featurizer's: many exact zeros, a few values.
    private static (float[][] Rows, float[] Labels) Data(Random rng, int n)
    {
        var rows = new float[n][];
        var labels = new float[n];
        for (var i = 0; i < n; i++)
        {
            rows[i] = [.. Enumerable.Range(0, 24).Select(_ => rng.NextDouble() < 0.7 ? 0f : (float)rng.NextDouble())];
            labels[i] = (float)((3 * rows[i][0]) + (2 * rows[i][1]) - rows[i][2] + rows[i][7] * rows[i][9] + (0.3 * rng.NextDouble()));
        }

        return (rows, labels);
    }
}
