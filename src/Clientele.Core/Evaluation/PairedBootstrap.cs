using Clientele.Core.Labels;

namespace Clientele.Core.Evaluation;

/// <summary>
/// Compares two predictions of the same clients by a paired bootstrap: the clients are resampled with replacement
/// (seeded) and both predictions measured on each resample, so the interval of the difference reflects how much it
/// would move with another sample of the same size, not the two metrics' separate noise. A verdict is only given
/// when the interval excludes 0; a 120-client holdout has an AUC standard error near 0.04, far above most
/// differences. <c>compare</c> (Elite vs Fast) and <c>backtest</c> (model vs BG/NBD + Gamma-Gamma) both use it.
/// </summary>
public static class PairedBootstrap
{
    /// <summary>Resamples: 1,000 give a 95% percentile interval stable to about ±0.003 AUC on a holdout of 100+.</summary>
    public const int Resamples = 1000;

    /// <summary>The interval's coverage.</summary>
    public const double Coverage = 0.95;

    /// <summary>Log-loss clips probabilities to [ε, 1−ε] so one confident miss is large but finite.</summary>
    private const double Epsilon = 1e-15;

    /// <summary>
    /// The advantages of <paramref name="second"/> over <paramref name="first"/> for <paramref name="target"/>: AUC and
    /// log-loss for a binary target, mean squared error for lifetime value. Seeded: the same inputs give the same interval.
    /// </summary>
    public static IReadOnlyList<PairedDifference> Compare(Target target, IReadOnlyList<double> first, IReadOnlyList<double> second, IReadOnlyList<double> labels, int seed)
    {
        Metric[] metrics = Targets.IsBinary(target) ? [Auc, (p, y) => -LogLoss(p, y)] : [(p, y) => -Mse(p, y)];
        string[] names = Targets.IsBinary(target) ? ["auc", "log_loss"] : ["mse"];
        var draws = Draw(first, second, labels, metrics, Resamples, seed);
        var result = new List<PairedDifference>();
        for (var m = 0; m < metrics.Length; m++)
        {
            var whole = metrics[m](second, labels) - metrics[m](first, labels);
            result.Add(draws[m].Count == 0
                ? new PairedDifference(names[m], whole, double.NegativeInfinity, double.PositiveInfinity)
                : new PairedDifference(names[m], whole, Quantile(draws[m], Tail), Quantile(draws[m], 1 - Tail)));
        }

        return result;
    }

    /// <summary>
    /// The mean and the interval of metric(<paramref name="a"/>) − metric(<paramref name="b"/>) over the resamples: AUC
    /// for a binary target, R² for lifetime value (the metrics the purchase-history targets are stated in).
    /// </summary>
    public static BootstrapInterval Difference(IReadOnlyList<double> a, IReadOnlyList<double> b, IReadOnlyList<double> labels, bool binary, int resamples, int seed)
    {
        if (labels is { Count: 0 })
        {
            throw new ArgumentException("both predictions need one value per label, and at least one label", nameof(labels));
        }

        var draws = Draw(b, a, labels, [binary ? Auc : R2], resamples, seed)[0];
        return draws.Count == 0
            ? new BootstrapInterval(double.NaN, double.NaN, double.NaN)
            : new BootstrapInterval(draws.Average(), Quantile(draws, Tail), Quantile(draws, 1 - Tail));
    }

    /// <summary>Area under the ROC curve by ranks (ties share their mean rank); NaN with one class only.</summary>
    public static double Auc(IReadOnlyList<double> p, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(y);
        var order = Enumerable.Range(0, p.Count).OrderBy(i => p[i]).ToArray();
        double positives = 0, rankSum = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && p[order[end + 1]] == p[order[start]])
            {
                end++;
            }

            var rank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++)
            {
                if (y[order[k]] >= 0.5)
                {
                    positives++;
                    rankSum += rank;
                }
            }

            start = end + 1;
        }

        var negatives = p.Count - positives;
        return positives == 0 || negatives == 0 ? double.NaN : (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }

    /// <summary>1 − SSE / SST; NaN when the labels do not vary.</summary>
    public static double R2(IReadOnlyList<double> p, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(y);
        var mean = y.Average();
        double sse = 0, sst = 0;
        for (var i = 0; i < y.Count; i++)
        {
            sse += (y[i] - p[i]) * (y[i] - p[i]);
            sst += (y[i] - mean) * (y[i] - mean);
        }

        return sst > 0 ? 1 - (sse / sst) : double.NaN;
    }

    /// <summary>Mean binary cross-entropy.</summary>
    public static double LogLoss(IReadOnlyList<double> p, IReadOnlyList<double> y)
    {
        double sum = 0;
        for (var i = 0; i < p.Count; i++)
        {
            var q = Math.Clamp(p[i], Epsilon, 1 - Epsilon);
            sum -= y[i] >= 0.5 ? Math.Log(q) : Math.Log(1 - q);
        }

        return sum / p.Count;
    }

    private delegate double Metric(IReadOnlyList<double> predictions, IReadOnlyList<double> labels);

    private static double Tail => (1 - Coverage) / 2;

    /// <summary>Per metric, the sorted finite values of metric(second) − metric(first) over the seeded resamples.</summary>
    private static List<double>[] Draw(IReadOnlyList<double> first, IReadOnlyList<double> second, IReadOnlyList<double> labels, Metric[] metrics, int resamples, int seed)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(labels);
        var n = labels.Count;
        if (first.Count != n || second.Count != n)
        {
            throw new ArgumentException("both predictions need one value per label");
        }

        var random = new Random(seed);
        var draws = metrics.Select(_ => new List<double>(resamples)).ToArray();
        var y = new double[n];
        var p1 = new double[n];
        var p2 = new double[n];
        for (var r = 0; r < resamples && n > 0; r++)
        {
            for (var i = 0; i < n; i++)
            {
                var k = random.Next(n);
                y[i] = labels[k];
                p1[i] = first[k];
                p2[i] = second[k];
            }

            for (var m = 0; m < metrics.Length; m++)
            {
                var d = metrics[m](p2, y) - metrics[m](p1, y);
                if (double.IsFinite(d))
                {
                    draws[m].Add(d);
                }
            }
        }

        foreach (var d in draws)
        {
            d.Sort();
        }

        return draws;
    }

    /// <summary>The q-quantile of sorted values, interpolated between the two nearest ranks.</summary>
    private static double Quantile(List<double> sorted, double q)
    {
        var position = q * (sorted.Count - 1);
        var lo = (int)Math.Floor(position);
        var hi = Math.Min(sorted.Count - 1, lo + 1);
        return sorted[lo] + ((position - lo) * (sorted[hi] - sorted[lo]));
    }

    private static double Mse(IReadOnlyList<double> p, IReadOnlyList<double> y) =>
        Enumerable.Range(0, p.Count).Average(i => (p[i] - y[i]) * (p[i] - y[i]));
}
