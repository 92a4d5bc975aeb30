namespace Clientele.Core.Training;

/// <summary>
/// Platt scaling: P(y=1|s) = 1 / (1 + exp(A·s + B)), fitted by Newton's method on (score, label) pairs
/// with Platt's smoothed targets so a perfectly separated fold does not push A to infinity.
/// </summary>
public sealed record PlattCalibrator(double A, double B)
{
    public static PlattCalibrator Identity { get; } = new(double.NaN, double.NaN);

    public bool IsIdentity => double.IsNaN(A);

    public double Apply(double score) => IsIdentity ? score : 1.0 / (1.0 + Math.Exp((A * score) + B));

    /// <summary>
    /// Fits A and B (Platt 1999, with Lin et al.'s numerically safe Newton iteration); <see cref="Identity"/> when the
    /// labels hold one class only. Not saved on its own: A and B are written into the bundle's member entries.
    /// </summary>
    /// <exception cref="ArgumentException">Scores and labels differ in length.</exception>
    public static PlattCalibrator Fit(ReadOnlySpan<float> scores, ReadOnlySpan<float> labels)
    {
        if (scores.Length != labels.Length)
        {
            throw new ArgumentException($"{scores.Length} scores but {labels.Length} labels", nameof(labels));
        }

        var positives = 0;
        foreach (var y in labels)
        {
            positives += y > 0.5f ? 1 : 0;
        }

        var negatives = labels.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return Identity;
        }

        var hi = (positives + 1.0) / (positives + 2.0);
        var lo = 1.0 / (negatives + 2.0);
        double a = 0, b = Math.Log((negatives + 1.0) / (positives + 1.0));
        const double sigma = 1e-12;
        for (var iter = 0; iter < 100; iter++)
        {
            double h11 = sigma, h22 = sigma, h21 = 0, g1 = 0, g2 = 0;
            for (var i = 0; i < scores.Length; i++)
            {
                var t = labels[i] > 0.5f ? hi : lo;
                var f = (scores[i] * a) + b;
                double p, q;
                if (f >= 0)
                {
                    p = Math.Exp(-f) / (1.0 + Math.Exp(-f));
                    q = 1.0 / (1.0 + Math.Exp(-f));
                }
                else
                {
                    p = 1.0 / (1.0 + Math.Exp(f));
                    q = Math.Exp(f) / (1.0 + Math.Exp(f));
                }

                var d2 = p * q;
                h11 += scores[i] * scores[i] * d2;
                h22 += d2;
                h21 += scores[i] * d2;
                var d1 = t - p;
                g1 += scores[i] * d1;
                g2 += d1;
            }

            if (Math.Abs(g1) < 1e-7 && Math.Abs(g2) < 1e-7)
            {
                break;
            }

            var det = (h11 * h22) - (h21 * h21);
            var da = -((h22 * g1) - (h21 * g2)) / det;
            var db = -((-h21 * g1) + (h11 * g2)) / det;
            a += da;
            b += db;
            if (Math.Abs(da) < 1e-10 && Math.Abs(db) < 1e-10)
            {
                break;
            }
        }

        return new PlattCalibrator(a, b);
    }
}
