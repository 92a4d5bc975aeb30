namespace Clientele.Bench;

/// <summary>Holdout metrics computed directly (ML.NET's evaluators need an IDataView round trip).</summary>
public static class Scores
{
    /// <summary>Area under the ROC curve by the rank-sum (Mann–Whitney) formula, ties counted half.</summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<float> labels)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double rankSumPositive = 0;
        long positives = 0;
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]])
            {
                j++;
            }

            var rank = ((i + j) / 2.0) + 1;
            for (var k = i; k <= j; k++)
            {
                if (labels[order[k]] > 0.5f)
                {
                    rankSumPositive += rank;
                    positives++;
                }
            }

            i = j + 1;
        }

        var negatives = order.Length - positives;
        return (rankSumPositive - (positives * (positives + 1) / 2.0)) / (positives * (double)negatives);
    }

    /// <summary>Coefficient of determination against the holdout mean.</summary>
    public static double R2(IReadOnlyList<double> predictions, IReadOnlyList<float> labels)
    {
        var mean = labels.Average(y => (double)y);
        double residual = 0, total = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            residual += (labels[i] - predictions[i]) * (labels[i] - predictions[i]);
            total += (labels[i] - mean) * (labels[i] - mean);
        }

        return 1 - (residual / total);
    }
}
