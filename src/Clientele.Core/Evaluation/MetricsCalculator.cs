using Microsoft.ML;
using Microsoft.ML.Data;

namespace Clientele.Core.Evaluation;

/// <summary>
/// Computes metrics with ML.NET's evaluators (accuracy, AUC, log-loss, F1, RMSE, MAE, R²); only the
/// Brier score, which ML.NET lacks, is computed here.
/// </summary>
public static class MetricsCalculator
{
    public static TargetMetrics Binary(MLContext ml, IReadOnlyList<double> probabilities, IReadOnlyList<double> labels, double threshold = Defaults.DecisionThreshold)
    {
        var n = probabilities.Count;
        var rows = new BinaryRow[n];
        double brier = 0;
        var positives = 0;
        for (var i = 0; i < n; i++)
        {
            var p = (float)Math.Clamp(probabilities[i], 1e-7, 1 - 1e-7);
            var y = labels[i] > 0.5;
            positives += y ? 1 : 0;
            // ML.NET thresholds Score at 0, so the score is the log-odds of the probability against the threshold.
            var score = (float)(Math.Log(p / (1 - p)) - Math.Log(threshold / (1 - threshold)));
            rows[i] = new BinaryRow { Label = y, Score = score, Probability = p, PredictedLabel = p >= threshold };
            brier += (p - (y ? 1 : 0)) * (p - (y ? 1 : 0));
        }

        if (n == 0)
        {
            return new TargetMetrics();
        }

        var view = ml.Data.LoadFromEnumerable(rows);
        if (positives == 0 || positives == n)
        {
            // AUC is undefined with one class; accuracy and Brier still mean something.
            var correct = rows.Count(r => r.Label == r.PredictedLabel);
            return new TargetMetrics { Accuracy = (double)correct / n, Brier = brier / n, Count = n };
        }

        var m = ml.BinaryClassification.Evaluate(view);
        return new TargetMetrics
        {
            Accuracy = m.Accuracy,
            Auc = m.AreaUnderRocCurve,
            // ML.NET reports log-loss in bits; nats are what scikit-learn and most papers use.
            LogLoss = m.LogLoss * Math.Log(2),
            Brier = brier / n,
            F1 = double.IsNaN(m.F1Score) ? 0 : m.F1Score,
            Count = n,
        };
    }

    public static TargetMetrics Regression(MLContext ml, IReadOnlyList<double> predictions, IReadOnlyList<double> labels)
    {
        var n = predictions.Count;
        if (n == 0)
        {
            return new TargetMetrics();
        }

        var rows = new RegressionRow[n];
        for (var i = 0; i < n; i++)
        {
            rows[i] = new RegressionRow { Label = (float)labels[i], Score = (float)predictions[i] };
        }

        var m = ml.Regression.Evaluate(ml.Data.LoadFromEnumerable(rows));
        return new TargetMetrics { R2 = m.RSquared, Rmse = m.RootMeanSquaredError, Mae = m.MeanAbsoluteError, Count = n };
    }

    private sealed class BinaryRow
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }
    }

    private sealed class RegressionRow
    {
        public float Label { get; set; }

        public float Score { get; set; }
    }
}
