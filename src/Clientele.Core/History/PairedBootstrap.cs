namespace Clientele.Core.History;

/// <summary>
/// Paired bootstrap of a metric difference between two predictions of the same clients: each resample draws
/// clients with replacement (seeded) and scores both predictions on the same draw, so the interval reflects how
/// much the comparison moves with the sample, not the two metrics' separate noise. Binary targets compare AUC,
/// CLV compares R² (the metrics the targets of issue 12 are stated in).
/// </summary>
public static class PairedBootstrap
{
    /// <summary>Resamples of the backtest's intervals: 1,000 puts the 2.5 % and 97.5 % quantiles within about ±0.005 of their limit.</summary>
    public const int DefaultResamples = 1_000;

    /// <summary>Share of the resamples outside the interval on each side (a 95 % interval).</summary>
    public const double Tail = 0.025;

    /// <summary>The mean and the 95 % interval of metric(<paramref name="a"/>) − metric(<paramref name="b"/>) over the resamples.</summary>
    public static BootstrapInterval Difference(IReadOnlyList<double> a, IReadOnlyList<double> b, IReadOnlyList<double> labels, bool binary, int resamples, int seed)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(labels);
        var n = labels.Count;
        if (n == 0 || a.Count != n || b.Count != n)
        {
            throw new ArgumentException("both predictions need one value per label, and at least one label", nameof(labels));
        }

        var random = new Random(seed);
        var diffs = new List<double>(resamples);
        var pa = new double[n];
        var pb = new double[n];
        var y = new double[n];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < n; i++)
            {
                var k = random.Next(n);
                pa[i] = a[k];
                pb[i] = b[k];
                y[i] = labels[k];
            }

            var d = binary ? Auc(pa, y) - Auc(pb, y) : R2(pa, y) - R2(pb, y);
            if (double.IsFinite(d))
            {
                diffs.Add(d);
            }
        }

        if (diffs.Count == 0)
        {
            return new BootstrapInterval(double.NaN, double.NaN, double.NaN);
        }

        diffs.Sort();
        return new BootstrapInterval(diffs.Average(), Quantile(diffs, Tail), Quantile(diffs, 1 - Tail));
    }

    /// <summary>Area under the ROC curve by the rank-sum (ties take their mean rank); NaN with one class.</summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<double> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        var order = Enumerable.Range(0, scores.Count).ToArray();
        Array.Sort(order, (i, j) => scores[i].CompareTo(scores[j]));
        double rankSum = 0;
        long positives = 0;
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            var rank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                if (labels[order[k]] > 0.5)
                {
                    rankSum += rank;
                    positives++;
                }
            }

            start = end + 1;
        }

        var negatives = order.Length - positives;
        return positives == 0 || negatives == 0 ? double.NaN : (rankSum - (positives * (positives + 1) / 2.0)) / (positives * (double)negatives);
    }

    /// <summary>1 − SSE / SST; NaN when the labels do not vary.</summary>
    public static double R2(IReadOnlyList<double> predictions, IReadOnlyList<double> labels)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(labels);
        var mean = labels.Average();
        double sse = 0, sst = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            sse += (labels[i] - predictions[i]) * (labels[i] - predictions[i]);
            sst += (labels[i] - mean) * (labels[i] - mean);
        }

        return sst > 0 ? 1 - (sse / sst) : double.NaN;
    }

    private static double Quantile(List<double> sorted, double q)
    {
        var position = q * (sorted.Count - 1);
        var lo = (int)Math.Floor(position);
        var hi = Math.Min(sorted.Count - 1, lo + 1);
        return sorted[lo] + ((position - lo) * (sorted[hi] - sorted[lo]));
    }
}
