namespace Clientele.Core.Evaluation;

/// <summary>One bin of a reliability table: predicted probabilities in [From, To), their mean and the observed rate.</summary>
public sealed record ReliabilityBin(double From, double To, int Count, double MeanPredicted, double ObservedRate);

/// <summary>Calibration check: within each probability bin, does the predicted rate match the observed one?</summary>
public static class ReliabilityTable
{
    public static IReadOnlyList<ReliabilityBin> Compute(IReadOnlyList<double> probabilities, IReadOnlyList<double> labels, int bins = Defaults.CalibrationBins)
    {
        var count = new int[bins];
        var sumP = new double[bins];
        var sumY = new double[bins];
        for (var i = 0; i < probabilities.Count; i++)
        {
            var b = Math.Min(bins - 1, (int)(probabilities[i] * bins));
            count[b]++;
            sumP[b] += probabilities[i];
            sumY[b] += labels[i];
        }

        var result = new List<ReliabilityBin>();
        for (var b = 0; b < bins; b++)
        {
            if (count[b] > 0)
            {
                result.Add(new ReliabilityBin((double)b / bins, (double)(b + 1) / bins, count[b], sumP[b] / count[b], sumY[b] / count[b]));
            }
        }

        return result;
    }
}
