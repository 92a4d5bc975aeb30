using MathNet.Numerics;

namespace Clientele.Core.History;

/// <summary>
/// Fits the BG/NBD model of Fader, Hardie &amp; Lee (2005, "Counting your customers the easy way") by maximum
/// likelihood: purchases while alive are Poisson with a Gamma(r, α) rate across clients, and after each purchase a
/// client drops out with a probability that is Beta(a, b) across clients. Returns a <see cref="BgNbdModel"/>.
/// </summary>
public sealed record BgNbdOptions
{
    /// <summary>Nelder–Mead iterations per run; a 4-parameter fit converges in a few hundred.</summary>
    public int MaxIterations { get; init; } = 5_000;

    public BgNbdModel Fit(IReadOnlyList<RfmRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("no clients to fit", nameof(rows));
        }

        var data = Pooled.From(rows);
        var meanT = rows.Average(r => r.T);
        // The reference implementation's two starts, plus one with α at the scale of the clients' ages, which is
        // where it ends up (α is in time units: ~4 in weeks is ~30 in days).
        double[][] starts = [[0, 0, 0, 0], [-1, 1, 0, 1], [-1, Math.Log(Math.Max(meanT, 1e-3) / 10), 0, 1]];
        var (p, value) = LogSpaceMinimizer.Minimize(lp => -LogLikelihood(data, lp), starts, MaxIterations);
        return new BgNbdModel(Math.Exp(p[0]), Math.Exp(p[1]), Math.Exp(p[2]), Math.Exp(p[3]), -value, rows.Count);
    }

    /// <summary>The log-likelihood of <paramref name="rows"/> under the given parameters (for diagnostics and tests).</summary>
    public static double LogLikelihood(IReadOnlyList<RfmRow> rows, double r, double alpha, double a, double b) =>
        LogLikelihood(Pooled.From(rows), [Math.Log(r), Math.Log(alpha), Math.Log(a), Math.Log(b)]);

    /// <summary>
    /// Σ w · (A₁ + A₂ + log(e^A₃ + e^A₄)) in the paper's notation, the last term by log-sum-exp so clients with many
    /// purchases do not overflow (α + T raised to r + x). A₁ and A₂ depend on x only and are computed once per distinct x.
    /// </summary>
    private static double LogLikelihood(Pooled d, double[] logParameters)
    {
        var r = Math.Exp(logParameters[0]);
        var alpha = Math.Exp(logParameters[1]);
        var a = Math.Exp(logParameters[2]);
        var b = Math.Exp(logParameters[3]);
        if (!(double.IsFinite(r) && double.IsFinite(alpha) && double.IsFinite(a) && double.IsFinite(b)) || r == 0 || alpha == 0 || a == 0 || b == 0)
        {
            return double.NegativeInfinity;
        }

        var byX = new double[d.DistinctX.Length];
        var lnR = SpecialFunctions.GammaLn(r);
        var lnBetaAB = SpecialFunctions.BetaLn(a, b);
        var lnAlpha = Math.Log(alpha);
        for (var j = 0; j < byX.Length; j++)
        {
            var x = d.DistinctX[j];
            byX[j] = SpecialFunctions.GammaLn(r + x) - lnR + r * lnAlpha + SpecialFunctions.BetaLn(a, b + x) - lnBetaAB;
        }

        var lnA = Math.Log(a);
        return LogSpaceMinimizer.ParallelSum(d.Count, (from, to) =>
        {
            var sum = 0.0;
            for (var i = from; i < to; i++)
            {
                var x = d.X[i];
                var a3 = -(r + x) * Math.Log(alpha + d.T[i]);
                var term = a3;
                if (x > 0)
                {
                    var a4 = lnA - Math.Log(b + x - 1) - (r + x) * Math.Log(alpha + d.Tx[i]);
                    term = Math.Max(a3, a4) + Math.Log(1 + Math.Exp(-Math.Abs(a3 - a4)));
                }

                sum += d.Weight[i] * (byX[d.XIndex[i]] + term);
            }

            return sum;
        });
    }

    /// <summary>Clients with identical (x, tₓ, T) pooled with a weight: the same optimum, far fewer terms on large files.</summary>
    private sealed class Pooled
    {
        public int Count;
        public int[] X = [];
        public int[] XIndex = [];
        public double[] Tx = [];
        public double[] T = [];
        public double[] Weight = [];
        public int[] DistinctX = [];

        public static Pooled From(IReadOnlyList<RfmRow> rows)
        {
            var index = new Dictionary<(int, double, double), int>();
            var x = new List<int>();
            var tx = new List<double>();
            var t = new List<double>();
            var w = new List<double>();
            foreach (var row in rows)
            {
                var key = (row.Frequency, row.Recency, row.T);
                if (index.TryGetValue(key, out var k))
                {
                    w[k]++;
                    continue;
                }

                index.Add(key, x.Count);
                x.Add(row.Frequency);
                tx.Add(row.Recency);
                t.Add(row.T);
                w.Add(1);
            }

            var distinct = x.Distinct().Order().ToArray();
            var position = new Dictionary<int, int>();
            for (var j = 0; j < distinct.Length; j++)
            {
                position[distinct[j]] = j;
            }

            return new Pooled
            {
                Count = x.Count,
                X = [.. x],
                XIndex = [.. x.Select(v => position[v])],
                Tx = [.. tx],
                T = [.. t],
                Weight = [.. w],
                DistinctX = distinct,
            };
        }
    }
}
