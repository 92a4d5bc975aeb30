using Clientele.Core.Labels;
using Clientele.Core.Training.Forest;

namespace Clientele.Core.Tests.Training;

public class ForestTests
{
    [Fact]
    public void Fit_StepFunction_IsLearnedExactlyAwayFromTheStep()
    {
        var rng = new Random(1);
        var rows = new float[400][];
        var labels = new float[400];
        for (var i = 0; i < rows.Length; i++)
        {
            var x = (float)rng.NextDouble();
            rows[i] = [x, (float)rng.NextDouble()];
            labels[i] = x > 0.5f ? 10f : 2f;
        }

        var model = new ForestOptions { Trees = 30, FeatureFraction = 1.0, Threads = 1 }.Fit(rows, labels);

        Assert.Equal(2.0, model.Predict([0.1f, 0.5f]), 6);
        Assert.Equal(10.0, model.Predict([0.9f, 0.5f]), 6);
        Assert.Equal(2.0, model.Predict([0.45f, 0.9f]), 6);
        Assert.Equal(10.0, model.Predict([0.55f, 0.1f]), 6);
    }

    [Fact]
    public void OutOfBag_OnPureNoise_ScoresNoBetterThanChanceWhileInSampleScoresOverfit()
    {
        var rng = new Random(8);
        var rows = Enumerable.Range(0, 600).Select(_ => Enumerable.Range(0, 10).Select(_ => (float)rng.NextDouble()).ToArray()).ToArray();
        var labels = rows.Select(_ => (float)rng.NextDouble() * 100).ToArray();
        var (model, outOfBag) = new ForestOptions { Trees = 100, MinSamplesLeaf = 1, Threads = 2, Seed = 3 }.FitWithOutOfBag(rows, labels);
        var inSample = new double[rows.Length];
        model.PredictBatch(rows, inSample);

        Assert.NotNull(outOfBag);
        Assert.True(R2(inSample, labels) > 0.4, $"in-sample R² {R2(inSample, labels):0.000}");
        Assert.True(R2(outOfBag!, labels) < 0.05, $"out-of-bag R² {R2(outOfBag!, labels):0.000}");
    }

    [Fact]
    public void OutOfBag_IsIdenticalWhateverTheThreadCount_AndTheModelEqualsPlainFit()
    {
        var (rows, labels) = Linear(new Random(9), 500);
        var one = new ForestOptions { Trees = 40, Threads = 1, Seed = 5 }.FitWithOutOfBag(rows, labels);
        var two = new ForestOptions { Trees = 40, Threads = 2, Seed = 5 }.FitWithOutOfBag(rows, labels);
        var plain = new ForestOptions { Trees = 40, Threads = 2, Seed = 5 }.Fit(rows, labels);

        Assert.Equal(one.OutOfBag, two.OutOfBag);
        Assert.All(rows, r => Assert.Equal(plain.Predict(r), one.Model.Predict(r)));
    }

    [Fact]
    public void A_sample_cap_at_or_above_the_row_count_grows_the_same_forest_byte_for_byte()
    {
        var (rows, labels) = Linear(new Random(12), 400);
        var uncapped = new ForestOptions { Trees = 20, Threads = 1, Seed = 4, MaxSamples = int.MaxValue }.Fit(rows, labels);
        var atCount = new ForestOptions { Trees = 20, Threads = 1, Seed = 4, MaxSamples = 400 }.Fit(rows, labels);

        Assert.Equal(Bytes(uncapped), Bytes(atCount));
    }

    [Fact]
    public void A_sample_cap_below_the_row_count_draws_that_many_rows_per_tree_and_still_learns()
    {
        var (rows, labels) = Linear(new Random(13), 2000);
        var (full, fullOutOfBag) = new ForestOptions { Trees = 30, Threads = 2, Seed = 6 }.FitWithOutOfBag(rows[..1600], labels[..1600]);
        var (capped, cappedOutOfBag) = new ForestOptions { Trees = 30, Threads = 2, Seed = 6, MaxSamples = 400 }.FitWithOutOfBag(rows[..1600], labels[..1600]);

        Assert.NotEqual(Bytes(full), Bytes(capped));
        // 400 draws of 1,600 rows leave a row out of a tree with probability (1 − 1/1600)^400 ≈ 0.78 (≈ 0.37 for
        // 1,600 draws): the out-of-bag scores stay honest held-out scores, close to the uncapped forest's.
        Assert.True(R2(cappedOutOfBag!, labels[..1600]) > 0.6, $"out-of-bag R² {R2(cappedOutOfBag!, labels[..1600]):0.000}");
        Assert.True(R2(cappedOutOfBag!, labels[..1600]) > R2(fullOutOfBag!, labels[..1600]) - 0.1);
        var holdout = new double[400];
        capped.PredictBatch(rows[1600..], holdout);
        Assert.True(R2(holdout, labels[1600..]) > 0.6, $"holdout R² {R2(holdout, labels[1600..]):0.000}");
    }

    [Fact]
    public void A_sample_cap_below_one_is_refused()
    {
        var (rows, labels) = Linear(new Random(14), 50);
        Assert.Throws<ArgumentException>(() => new ForestOptions { MaxSamples = 0 }.Fit(rows, labels));
    }

    [Fact]
    public void Fit_NoisyLinearSignal_ReachesR2Above08OnHoldout()
    {
        var (rows, labels) = Linear(new Random(2), 1500);
        var model = new ForestOptions { Threads = 2 }.Fit(rows[..1200], labels[..1200]);

        var predictions = new double[300];
        model.PredictBatch(rows[1200..], predictions);

        Assert.True(R2(predictions, labels[1200..]) > 0.8, $"R² {R2(predictions, labels[1200..]):0.000}");
    }

    [Fact]
    public void Fit_BinaryLabels_GivesProbabilitiesRankingCloseToTheTruth()
    {
        var (rows, labels, truth) = Logistic(new Random(3), 3000);
        var model = new ForestOptions { Threads = 2 }.Fit(rows[..2400], labels[..2400]);

        var predictions = new double[600];
        model.PredictBatch(rows[2400..], predictions);

        Assert.All(predictions, p => Assert.InRange(p, 0.0, 1.0));
        var learned = Auc(predictions, labels[2400..]);
        var best = Auc(truth[2400..], labels[2400..]);
        Assert.True(learned > best - 0.04, $"AUC {learned:0.000} vs truth {best:0.000}");
    }

    [Theory]
    [InlineData(32)]
    [InlineData(0)]
    public void Fit_IsIdenticalWhateverTheThreadCount(int maxLeaves)
    {
        var (rows, labels) = Linear(new Random(4), 600);
        var one = new ForestOptions { Trees = 40, MaxLeaves = maxLeaves, Threads = 1 }.Fit(rows, labels);
        var two = new ForestOptions { Trees = 40, MaxLeaves = maxLeaves, Threads = 2 }.Fit(rows, labels);

        Assert.Equal(Bytes(one), Bytes(two));
        var a = new double[rows.Length];
        var b = new double[rows.Length];
        one.PredictBatch(rows, a);
        two.PredictBatch(rows, b);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Fit_DifferentSeeds_GiveDifferentForests()
    {
        var (rows, labels) = Linear(new Random(5), 300);

        var a = new ForestOptions { Trees = 10, Seed = 1 }.Fit(rows, labels);
        var b = new ForestOptions { Trees = 10, Seed = 2 }.Fit(rows, labels);

        Assert.NotEqual(Bytes(a), Bytes(b));
    }

    [Fact]
    public void SaveLoad_RoundTrip_PredictsIdentically()
    {
        var (rows, labels) = Linear(new Random(6), 500);
        var model = new ForestOptions { Trees = 25 }.Fit(rows, labels);

        var loaded = ForestModel.Load(new MemoryStream(Bytes(model)));

        Assert.Equal(model.FeatureCount, loaded.FeatureCount);
        Assert.Equal(model.TreeCount, loaded.TreeCount);
        Assert.Equal(model.Bias, loaded.Bias);
        foreach (var row in rows)
        {
            Assert.Equal(model.Predict(row), loaded.Predict(row));
        }
    }

    [Fact]
    public void Load_OtherFormatVersion_IsRefusedWithTheVersionInTheMessage()
    {
        var (rows, labels) = Linear(new Random(7), 200);
        var bytes = Bytes(new ForestOptions { Trees = 3 }.Fit(rows, labels));
        BitConverter.TryWriteBytes(bytes.AsSpan(8, 4), ForestModel.FormatVersion + 1);

        var error = Assert.Throws<InvalidDataException>(() => ForestModel.Load(new MemoryStream(bytes)));

        Assert.Contains($"version {ForestModel.FormatVersion + 1}", error.Message);
        Assert.Contains($"reads versions 1 to {ForestModel.FormatVersion}", error.Message);
    }

    [Fact]
    public void Load_CorruptedOrForeignStream_IsRefusedClearly()
    {
        var (rows, labels) = Linear(new Random(8), 200);
        var bytes = Bytes(new ForestOptions { Trees = 3 }.Fit(rows, labels));

        var flipped = (byte[])bytes.Clone();
        flipped[bytes.Length / 2] ^= 0x40;
        var damaged = Assert.Throws<InvalidDataException>(() => ForestModel.Load(new MemoryStream(flipped)));
        Assert.Contains("damaged", damaged.Message);

        var truncated = Assert.Throws<InvalidDataException>(() => ForestModel.Load(new MemoryStream(bytes[..(bytes.Length - 20)])));
        Assert.Contains("damaged", truncated.Message);

        var foreign = Assert.Throws<InvalidDataException>(() => ForestModel.Load(new MemoryStream("PK\u0003\u0004 not a forest at all"u8.ToArray())));
        Assert.Contains("CLFOREST", foreign.Message);
    }

    [Fact]
    public void Contributions_SumToPredictionMinusBias()
    {
        var (rows, labels) = Linear(new Random(9), 500);
        var model = new ForestOptions { Trees = 30 }.Fit(rows, labels);
        var contributions = new float[model.FeatureCount];

        foreach (var row in rows[..50])
        {
            model.Contributions(row, contributions);
            var sum = contributions.Sum(c => (double)c);
            var prediction = model.Predict(row);
            Assert.Equal(prediction - model.Bias, sum, 1e-4 * (1 + Math.Abs(prediction)));
        }
    }

    [Fact]
    public void Contributions_DrivingFeatureGetsTheLargestMeanMagnitude()
    {
        // Feature 3 alone decides the label; the others are noise.
        var rng = new Random(10);
        var rows = new float[800][];
        var labels = new float[800];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = [.. Enumerable.Range(0, 6).Select(_ => (float)rng.NextDouble())];
            labels[i] = rng.NextDouble() < (rows[i][3] > 0.5f ? 0.85 : 0.15) ? 1f : 0f;
        }

        var model = new ForestOptions { Trees = 50 }.Fit(rows, labels);
        var magnitude = new double[6];
        var contributions = new float[6];
        foreach (var row in rows)
        {
            model.Contributions(row, contributions);
            for (var f = 0; f < 6; f++)
            {
                magnitude[f] += Math.Abs(contributions[f]);
            }
        }

        Assert.Equal(3, Array.IndexOf(magnitude, magnitude.Max()));
    }

    [Fact]
    public void Fit_MaxLeaves_CapsEveryTree()
    {
        var (rows, labels) = Linear(new Random(11), 800);
        var model = new ForestOptions { Trees = 5, MaxLeaves = 8 }.Fit(rows, labels);

        // A binary tree with 8 leaves has 15 nodes; the file stores every node once.
        var nodes = BitConverter.ToInt32(Bytes(model), 20);
        Assert.True(nodes <= 5 * 15, $"{nodes} nodes");
    }

    [Fact]
    public void Fit_SparseFeature_SplitsOnItsNonZeros()
    {
        // 95 % zeros, the label is the non-zero flag: exercises the sparse histogram path and the zero bin.
        var rng = new Random(12);
        var rows = new float[1000][];
        var labels = new float[1000];
        for (var i = 0; i < rows.Length; i++)
        {
            var on = rng.NextDouble() < 0.05;
            rows[i] = [on ? (float)(0.1 + rng.NextDouble()) : 0f, (float)rng.NextDouble()];
            labels[i] = on ? 5f : 1f;
        }

        var model = new ForestOptions { Trees = 20, FeatureFraction = 1.0 }.Fit(rows, labels);

        Assert.Equal(1.0, model.Predict([0f, 0.3f]), 6);
        Assert.Equal(5.0, model.Predict([0.5f, 0.3f]), 6);
    }

    [Fact]
    public void Fit_RaggedRowsOrBadLabels_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => new ForestOptions().Fit([[1f, 2f], [1f]], [0f, 1f]));
        Assert.Throws<ArgumentException>(() => new ForestOptions().Fit([[1f], [2f]], [0f]));
        Assert.Throws<ArgumentException>(() => new ForestOptions().Fit([[1f], [2f]], [0f, float.NaN]));
        Assert.Throws<ArgumentException>(() => new ForestOptions().Fit([], []));
    }

    private static (float[][] Rows, float[] Labels) Linear(Random rng, int n)
    {
        var rows = new float[n][];
        var labels = new float[n];
        for (var i = 0; i < n; i++)
        {
            rows[i] = [.. Enumerable.Range(0, 5).Select(_ => (float)rng.NextDouble())];
            labels[i] = (float)((3 * rows[i][0]) + (2 * rows[i][1]) - rows[i][2] + (0.2 * Gaussian(rng)));
        }

        return (rows, labels);
    }

    private static (float[][] Rows, float[] Labels, double[] Truth) Logistic(Random rng, int n)
    {
        var rows = new float[n][];
        var labels = new float[n];
        var truth = new double[n];
        for (var i = 0; i < n; i++)
        {
            rows[i] = [.. Enumerable.Range(0, 10).Select(_ => (float)Gaussian(rng))];
            var logit = (1.5 * rows[i][0]) - rows[i][1] + (0.5 * rows[i][2]);
            truth[i] = 1 / (1 + Math.Exp(-logit));
            labels[i] = rng.NextDouble() < truth[i] ? 1f : 0f;
        }

        return (rows, labels, truth);
    }

    private static double Gaussian(Random rng) => rng.NextGaussian();

    private static byte[] Bytes(ForestModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    private static double R2(double[] predictions, float[] labels)
    {
        var mean = labels.Average(y => (double)y);
        var residual = predictions.Select((p, i) => (labels[i] - p) * (labels[i] - p)).Sum();
        var total = labels.Sum(y => (y - mean) * (y - mean));
        return 1 - (residual / total);
    }

    private static double Auc(double[] scores, float[] labels)
    {
        // Pairwise definition: fine for a few hundred rows and obviously correct.
        double wins = 0;
        long pairs = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (labels[i] != 1f)
            {
                continue;
            }

            for (var j = 0; j < scores.Length; j++)
            {
                if (labels[j] != 0f)
                {
                    continue;
                }

                pairs++;
                wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
            }
        }

        return wins / pairs;
    }
}
