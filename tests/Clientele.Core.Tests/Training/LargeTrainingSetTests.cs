using Clientele.Core.Features;
using Clientele.Core.Labels;
using Clientele.Core.Training;
using Clientele.Core.Training.Learners;

namespace Clientele.Core.Tests.Training;

/// <summary>
/// What changes past the large-training-set thresholds (boosting fitted on a seeded draw of clients, one out-of-fold
/// split for the vote weights), crossed here on few clients by lowering them, and that nothing changes under them.
/// </summary>
public class LargeTrainingSetTests
{
    private static (float[][] Rows, float[] Labels) Logistic(int n, int seed)
    {
        var rng = new Random(seed);
        var rows = new float[n][];
        var labels = new float[n];
        for (var i = 0; i < n; i++)
        {
            rows[i] = Enumerable.Range(0, 6).Select(_ => (float)rng.NextDouble()).ToArray();
            var p = 1 / (1 + Math.Exp(-(4 * rows[i][0] - 3 * rows[i][1])));
            labels[i] = rng.NextDouble() < p ? 1f : 0f;
        }

        return (rows, labels);
    }

    private static double[] Predict(ITrainedMember member, float[][] rows)
    {
        var output = new double[rows.Length];
        member.Predict(rows, output);
        return output;
    }

    [Fact]
    public void Boosting_past_its_row_cap_fits_a_seeded_draw_and_at_or_under_it_every_client()
    {
        var (rows, labels) = Logistic(400, seed: 3);
        var table = new FeatureTable(rows, labels, 6);
        var context = new LearnerContext(Tier.Elite, Seed: 11, Parallelism: 1, Balanced: false, KeepOutOfBag: false);
        var every = Predict(new BoostingLearner().Fit(table, Target.Purchased, context).Member, rows);
        var atCount = Predict(new BoostingLearner { MaxRows = 400 }.Fit(table, Target.Purchased, context).Member, rows);
        var drawn = Predict(new BoostingLearner { MaxRows = 200 }.Fit(table, Target.Purchased, context).Member, rows);
        var again = Predict(new BoostingLearner { MaxRows = 200 }.Fit(table, Target.Purchased, context).Member, rows);

        Assert.Equal(every, atCount);
        Assert.Equal(drawn, again);
        Assert.NotEqual(every, drawn);
    }

    [Fact]
    public void From_the_one_split_size_the_vote_weights_come_from_one_out_of_fold_split_and_are_reproducible()
    {
        var (rows, labels) = Logistic(900, seed: 4);
        var train = new FeatureTable(rows[..600], labels[..600], 6);
        var threeFolds = Trainer.Fit(Target.Purchased, train, new TrainingOptions { Tier = Tier.Elite, Seed = 2 });
        var oneSplit = Trainer.Fit(Target.Purchased, train, new TrainingOptions { Tier = Tier.Elite, Seed = 2, OneOutOfFoldSplitFrom = 500 });
        var again = Trainer.Fit(Target.Purchased, train, new TrainingOptions { Tier = Tier.Elite, Seed = 2, OneOutOfFoldSplitFrom = 500 });

        Assert.Equal(oneSplit.Predict(rows), again.Predict(rows));
        Assert.Equal(1, oneSplit.Members.Sum(m => m.Weight), 9);
        Assert.Equal(threeFolds.Members.Select(m => m.Name), oneSplit.Members.Select(m => m.Name));
        // Fitted on a third of the clients instead of all of them: still a vote that ranks the held-out clients.
        var holdout = oneSplit.Predict(rows[600..]);
        Assert.True(Auc(holdout, labels[600..]) > 0.7, $"holdout AUC {Auc(holdout, labels[600..]):0.000}");
        Assert.True(Auc(holdout, labels[600..]) > Auc(threeFolds.Predict(rows[600..]), labels[600..]) - 0.03);
    }

    [Fact]
    public void Past_the_client_cap_a_seeded_sample_is_trained_and_measured_and_the_report_says_so()
    {
        var lexicon = TestData.Lexicon();
        var profiles = TestData.Profiles(300, lexicon: lexicon);
        var labels = SmartLabeler.Label(profiles, lexicon, 42);
        TrainedModel Train(int max) => Trainer.Train(profiles, lexicon, labels, null, new TrainingOptions { Seed = 42, MaxClients = max });

        var whole = Train(300);
        var sampled = Train(150);
        var again = Train(150);

        Assert.Null(whole.Report.SampledClients);
        Assert.Equal((300, 150), (sampled.Report.Clients, sampled.Report.SampledClients));
        Assert.All(sampled.Report.Targets.Values, t => Assert.Equal(150, t.TrainCount + t.TestCount));
        Assert.All(whole.Report.Targets.Values, t => Assert.Equal(300, t.TrainCount + t.TestCount));
        Assert.Equal(150, Core.Evaluation.ReportJson.Build(sampled.Report)["sampled_clients"]!.GetValue<int>());
        Assert.False(Core.Evaluation.ReportJson.Build(whole.Report).ContainsKey("sampled_clients"));
        Assert.Equal(new Core.Scoring.Scorer(Bundle(sampled)).Score(profiles), new Core.Scoring.Scorer(Bundle(again)).Score(profiles));
        Assert.Throws<ArgumentException>(() => Train(0));
    }

    private static Core.Bundles.ModelBundle Bundle(TrainedModel trained) =>
        Core.Bundles.ModelBundle.FromTraining(trained, 42, "test", Core.Evaluation.ReportJson.Build(trained.Report), DateTimeOffset.UnixEpoch);

    private static double Auc(double[] scores, float[] labels)
    {
        var pos = scores.Where((_, i) => labels[i] == 1f).ToArray();
        var neg = scores.Where((_, i) => labels[i] == 0f).ToArray();
        double wins = 0;
        foreach (var p in pos)
        {
            foreach (var q in neg)
            {
                wins += p > q ? 1 : p == q ? 0.5 : 0;
            }
        }

        return wins / (pos.Length * (double)neg.Length);
    }
}
