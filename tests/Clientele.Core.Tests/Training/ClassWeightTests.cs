using Clientele.Core.Features;
using Clientele.Core.Labels;
using Clientele.Core.Training;
using Clientele.Core.Training.Forest;

namespace Clientele.Core.Tests.Training;

public class ClassWeightTests
{
    /// <summary>Rows of 8 Gaussian features; the label's log-odds are linear in three of them with an offset that makes positives rare.</summary>
    private static (float[][] Rows, float[] Labels) RarePositives(int n, int seed, double offset = -2.6)
    {
        var rng = new Random(seed);
        var rows = new float[n][];
        var labels = new float[n];
        for (var i = 0; i < n; i++)
        {
            rows[i] = [.. Enumerable.Range(0, 8).Select(_ => (float)rng.NextGaussian())];
            var logit = offset + (1.5 * rows[i][0]) - rows[i][1] + (0.5 * rows[i][2]);
            labels[i] = rng.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? 1f : 0f;
        }

        return (rows, labels);
    }

    [Fact]
    public void Balanced_weights_bring_the_rarer_class_total_up_to_the_others()
    {
        float[] Labels(int positives, int negatives) => [.. Enumerable.Repeat(1f, positives), .. Enumerable.Repeat(0f, negatives)];
        Assert.Equal((1, 9), ForestOptions.ClassWeights(Labels(10, 90)));
        Assert.Equal((4, 1), ForestOptions.ClassWeights(Labels(80, 20)));
        Assert.Equal((1, 1), ForestOptions.ClassWeights(Labels(50, 50)));
        Assert.Equal((1, 1), ForestOptions.ClassWeights(Labels(0, 30)));
    }

    [Fact]
    public void A_balanced_forest_leans_towards_the_rare_class_and_keeps_its_out_of_bag_rows()
    {
        var (rows, labels) = RarePositives(3000, 1);
        var rate = labels.Average(y => (double)y);
        Assert.InRange(rate, 0.05, 0.2);

        var plain = new ForestOptions { Threads = 2, MaxLeaves = 8 }.Fit(rows, labels);
        var (balanced, outOfBag) = new ForestOptions { Threads = 2, MaxLeaves = 8, BalancedClasses = true }.FitWithOutOfBag(rows, labels);
        double MeanOutput(ForestModel model)
        {
            var p = new double[rows.Length];
            model.PredictBatch(rows, p);
            return p.Average();
        }

        Assert.InRange(MeanOutput(plain), rate - 0.03, rate + 0.03);
        Assert.True(MeanOutput(balanced) > 0.35, $"balanced forest mean output {MeanOutput(balanced):0.000} (rate {rate:0.000})");
        Assert.NotNull(outOfBag);
        Assert.All(outOfBag!, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Balancing_needs_zero_one_labels()
    {
        var (rows, _) = RarePositives(50, 2);
        var continuous = Enumerable.Range(0, 50).Select(i => i * 0.5f).ToArray();
        var e = Assert.Throws<ArgumentException>(() => new ForestOptions { BalancedClasses = true }.Fit(rows, continuous));
        Assert.Contains("0/1", e.Message);
    }

    [Theory]
    [InlineData(Tier.Fast)]
    [InlineData(Tier.Elite)]
    public void Balanced_training_still_gives_probabilities_at_the_real_rate(Tier tier)
    {
        var (rows, labels) = RarePositives(5000, 3);
        var train = new FeatureTable(rows[..3000], labels[..3000], 8);
        var options = new TrainingOptions { Tier = tier, Seed = 7, ClassWeights = ClassWeighting.Balanced };

        var model = Trainer.Fit(Target.Churned, train, options);
        var predicted = model.Predict(rows[3000..]);

        // Weighting alone would pull every probability towards 0.5; the out-of-sample Platt scaling brings them back.
        var observed = labels[3000..].Average(y => (double)y);
        Assert.InRange(predicted.Average(), observed - 0.03, observed + 0.03);
        Assert.All(model.Members, m => Assert.False(m.Calibration.IsIdentity, $"{m.Name} was not recalibrated"));
    }

    [Fact]
    public void With_too_few_clients_for_out_of_fold_outputs_only_the_forest_is_weighted_and_recalibrated()
    {
        var (rows, labels) = RarePositives(80, 6, offset: -1.5);   // under MinClientsForVoteWeights: no out-of-fold fits
        Assert.InRange(labels.Count(y => y == 1), 5, 30);
        var table = new FeatureTable(rows, labels, 8);
        var none = Trainer.Fit(Target.Churned, table, new TrainingOptions { Tier = Tier.Elite, Seed = 3 });
        var balanced = Trainer.Fit(Target.Churned, table, new TrainingOptions { Tier = Tier.Elite, Seed = 3, ClassWeights = ClassWeighting.Balanced });

        Assert.True(none.Members[0].Calibration.IsIdentity);
        Assert.False(balanced.Members[0].Calibration.IsIdentity);
        for (var m = 1; m < none.Members.Count; m++)
        {
            // Boosting and linear could not be recalibrated, so they are trained as without weights.
            Assert.Equal(none.MemberOutput(none.Members[m], rows), balanced.MemberOutput(balanced.Members[m], rows));
        }
    }

    [Fact]
    public void Class_weights_leave_lifetime_value_untouched()
    {
        var (rows, _) = RarePositives(600, 4);
        var values = rows.Select(r => 1000f + (500f * r[0])).ToArray();
        var table = new FeatureTable(rows, values, 8);
        var none = Trainer.Fit(Target.LifetimeValue, table, new TrainingOptions { Tier = Tier.Elite, Seed = 5 });
        var balanced = Trainer.Fit(Target.LifetimeValue, table, new TrainingOptions { Tier = Tier.Elite, Seed = 5, ClassWeights = ClassWeighting.Balanced });
        Assert.Equal(none.Predict(rows), balanced.Predict(rows));
    }
}
