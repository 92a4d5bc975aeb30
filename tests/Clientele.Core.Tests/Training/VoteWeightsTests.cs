using Clientele.Core.Training;

namespace Clientele.Core.Tests.Training;

public class VoteWeightsTests
{
    private static (double[] Truth, float[] Labels) Draw(int n, int seed)
    {
        var random = new Random(seed);
        var p = new double[n];
        var y = new float[n];
        for (var i = 0; i < n; i++)
        {
            p[i] = random.NextDouble();
            y[i] = random.NextDouble() < p[i] ? 1 : 0;
        }

        return (p, y);
    }

    [Fact]
    public void A_member_that_knows_the_true_probability_outweighs_one_that_guesses()
    {
        var (truth, labels) = Draw(3000, 1);
        var random = new Random(2);
        var guess = truth.Select(_ => random.NextDouble()).ToArray();
        var weights = VoteWeights.Fit([guess, truth], labels, binary: true);
        Assert.True(weights[1] >= 0.9, $"weights {string.Join('/', weights)}");
        Assert.Equal(1, weights.Sum(), 9);
    }

    [Fact]
    public void Identical_members_keep_equal_weights()
    {
        var (truth, labels) = Draw(500, 3);
        var weights = VoteWeights.Fit([truth, truth, truth], labels, binary: true);
        Assert.All(weights, w => Assert.Equal(1.0 / 3, w, 12));
    }

    [Fact]
    public void Regression_weights_favour_the_member_with_the_smaller_squared_error()
    {
        var random = new Random(5);
        var target = Enumerable.Range(0, 2000).Select(_ => (float)(random.NextDouble() * 10000)).ToArray();
        var close = target.Select(v => v + (200 * (random.NextDouble() - 0.5))).ToArray();
        var far = target.Select(v => v + (6000 * (random.NextDouble() - 0.5))).ToArray();
        var weights = VoteWeights.Fit([far, close], target, binary: false);
        Assert.True(weights[1] > weights[0], $"weights {string.Join('/', weights)}");
        Assert.True(VoteWeights.Loss([far, close], target, weights, binary: false) <= VoteWeights.Loss([far, close], target, VoteWeights.Equal(2), binary: false));
    }

    [Fact]
    public void Learned_weights_never_lose_to_the_plain_mean_on_the_data_they_were_fitted_on()
    {
        for (var seed = 10; seed < 20; seed++)
        {
            var (truth, labels) = Draw(400, seed);
            var random = new Random(seed);
            var members = Enumerable.Range(0, 3).Select(k => truth.Select(p => Math.Clamp(p + ((k + 1) * 0.15 * (random.NextDouble() - 0.5)), 0, 1)).ToArray()).ToArray();
            var weights = VoteWeights.Fit(members, labels, binary: true);
            Assert.All(weights, w => Assert.InRange(w, 0, 1));
            Assert.True(VoteWeights.Loss(members, labels, weights, true) <= VoteWeights.Loss(members, labels, VoteWeights.Equal(3), true));
        }
    }

    [Fact]
    public void Outputs_and_labels_of_different_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => VoteWeights.Fit([new double[3], new double[4]], new float[3], binary: true));
    }
}
