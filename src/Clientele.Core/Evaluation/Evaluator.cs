using Clientele.Core.Labels;
using Clientele.Core.Training;
using Microsoft.ML;

namespace Clientele.Core.Evaluation;

/// <summary>
/// Measures predictions against labels: the model, the <see cref="Baseline"/>, the best possible and the learnable
/// ceiling (from the known generating probabilities, when there are any), each member, the reliability table and
/// k-fold cross-validation. The trainer only fits; <c>train</c>, <c>evaluate</c> and <c>compare</c> measure here.
/// </summary>
/// <param name="seed">Seed of the ML.NET context the metrics are computed in (the evaluators themselves are deterministic).</param>
public sealed class Evaluator(int seed)
{
    // One context per evaluator; an evaluator serves one target at a time (the trainer makes one per target).
    private readonly MLContext _ml = new(seed);

    /// <summary>Metrics of <paramref name="predictions"/> (probabilities, or CLV) against <paramref name="labels"/>.</summary>
    public TargetMetrics Measure(Target target, IReadOnlyList<double> predictions, IReadOnlyList<double> labels) =>
        Targets.IsBinary(target) ? MetricsCalculator.Binary(_ml, predictions, labels) : MetricsCalculator.Regression(_ml, predictions, labels);

    /// <summary>
    /// Everything measured on one test set: the model's <paramref name="predictions"/>, the baseline predicting from
    /// <paramref name="baselineMean"/> (the training labels' mean, or the evaluated labels' own), the best possible from
    /// <paramref name="truth"/> and the learnable ceiling from <paramref name="learnable"/> when every test client has
    /// one, and the reliability table (binary targets). Counts beyond the test set are the caller's.
    /// </summary>
    public TargetReport Test(Target target, IReadOnlyList<double> predictions, IReadOnlyList<double> labels, double baselineMean,
        IReadOnlyList<double?>? truth = null, IReadOnlyList<double?>? learnable = null)
    {
        var baseline = Baseline.Prediction(target, baselineMean);
        return new TargetReport
        {
            Metrics = Measure(target, predictions, labels),
            Baseline = Measure(target, labels.Select(_ => baseline).ToArray(), labels),
            BestPossible = Known(target, truth, labels),
            LearnableCeiling = Known(target, learnable, labels),
            Reliability = Targets.IsBinary(target) ? ReliabilityTable.Compute(predictions, labels) : null,
            TestCount = labels.Count,
        };
    }

    /// <summary>
    /// Each member's metrics on the test rows, with its training seconds and normalised vote weight; empty for a
    /// single-member model (its metrics are the model's) or no rows.
    /// </summary>
    public IReadOnlyDictionary<string, TargetMetrics> Members(TargetModel model, float[][] rows, IReadOnlyList<double> labels)
    {
        var members = new Dictionary<string, TargetMetrics>();
        if (model.Members.Count > 1 && rows.Length > 0)
        {
            var total = model.Members.Sum(x => x.Weight);
            foreach (var m in model.Members)
            {
                members[m.Name] = Measure(model.Target, model.MemberOutput(m, rows), labels) with { Seconds = m.Seconds, Weight = m.Weight / total };
            }
        }

        return members;
    }

    /// <summary>
    /// k-fold cross-validation of <paramref name="fit"/> on <paramref name="table"/> (folds stratified by class for
    /// binary targets, seeded): each metric's mean ± sd over the folds.
    /// </summary>
    public IReadOnlyDictionary<string, MeanSd> CrossValidate(Target target, FeatureTable table, int folds, Func<FeatureTable, TargetModel> fit)
    {
        var binary = Targets.IsBinary(target);
        var assigned = Folds.Assign(binary ? table.Labels : new float[table.Count], folds, seed);
        var perFold = new List<TargetMetrics>();
        for (var k = 0; k < folds; k++)
        {
            var train = Enumerable.Range(0, table.Count).Where(j => assigned[j] != k).ToList();
            var test = Enumerable.Range(0, table.Count).Where(j => assigned[j] == k).ToList();
            var model = fit(table.Subset(train));
            var predictions = model.Predict(test.Select(j => table.Rows[j]).ToArray());
            perFold.Add(Measure(target, predictions, test.Select(j => (double)table.Labels[j]).ToArray()));
        }

        var result = new Dictionary<string, MeanSd>(StringComparer.Ordinal);
        void Add(string name, Func<TargetMetrics, double?> get)
        {
            var values = perFold.Select(get).Where(v => v is not null).Select(v => v!.Value).ToArray();
            if (values.Length > 0)
            {
                result[name] = MeanSd.Of(values);
            }
        }

        if (binary)
        {
            Add("accuracy", m => m.Accuracy);
            Add("auc", m => m.Auc);
            Add("logloss", m => m.LogLoss);
            Add("brier", m => m.Brier);
        }
        else
        {
            Add("r2", m => m.R2);
            Add("rmse", m => m.Rmse);
            Add("mae", m => m.Mae);
        }

        return result;
    }

    private TargetMetrics? Known(Target target, IReadOnlyList<double?>? values, IReadOnlyList<double> labels) =>
        values is not null && labels.Count > 0 && values.All(t => t is not null) ? Measure(target, values.Select(t => t!.Value).ToArray(), labels) : null;
}
