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
        var (p, value) = LogSpaceMinimizer.MinimizeWithGradient(lp =>
        {
            // Per client, so the gradient is of order one and BFGS's first step (along −gradient) stays in range.
            var (ll, g) = LogLikelihoodAndGradient(data, lp);
            var n = data.TotalWeight;
            return (-ll / n, [-g[0] / n, -g[1] / n, -g[2] / n, -g[3] / n]);
        }, starts, MaxIterations);
        return new BgNbdModel(Math.Exp(p[0]), Math.Exp(p[1]), Math.Exp(p[2]), Math.Exp(p[3]), -value * data.TotalWeight, rows.Count);
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

    /// <summary>
    /// The log-likelihood and its gradient with respect to (ln r, ln α, ln a, ln b), in one pass. With π the share of
    /// e^A₄ in e^A₃ + e^A₄: ∂/∂r = ψ(r+x) − ψ(r) + ln α − (1−π) ln(α+T) − π ln(α+tₓ); ∂/∂α = r/α − (r+x)((1−π)/(α+T) +
    /// π/(α+tₓ)); ∂/∂a = ψ(a+b) − ψ(a+b+x) + π/a; ∂/∂b = ψ(b+x) − ψ(a+b+x) − ψ(b) + ψ(a+b) − π/(b+x−1); each times its
    /// parameter for the log scale. The digamma terms depend on x only and are weighted by the clients at each x.
    /// </summary>
    private static (double Value, double[] Gradient) LogLikelihoodAndGradient(Pooled d, double[] logParameters)
    {
        var r = Math.Exp(logParameters[0]);
        var alpha = Math.Exp(logParameters[1]);
        var a = Math.Exp(logParameters[2]);
        var b = Math.Exp(logParameters[3]);
        if (!(double.IsFinite(r) && double.IsFinite(alpha) && double.IsFinite(a) && double.IsFinite(b)) || r == 0 || alpha == 0 || a == 0 || b == 0)
        {
            return (double.NegativeInfinity, new double[4]);
        }

        var lnR = SpecialFunctions.GammaLn(r);
        var lnBetaAB = SpecialFunctions.BetaLn(a, b);
        var lnAlpha = Math.Log(alpha);
        var psiR = SpecialFunctions.DiGamma(r);
        var psiB = SpecialFunctions.DiGamma(b);
        var psiAB = SpecialFunctions.DiGamma(a + b);
        double value = 0, gr = 0, ga = 0, gb = 0;
        for (var j = 0; j < d.DistinctX.Length; j++)
        {
            var x = d.DistinctX[j];
            var w = d.WeightAtX[j];
            var psiABX = SpecialFunctions.DiGamma(a + b + x);
            value += w * (SpecialFunctions.GammaLn(r + x) - lnR + r * lnAlpha + SpecialFunctions.BetaLn(a, b + x) - lnBetaAB);
            gr += w * (SpecialFunctions.DiGamma(r + x) - psiR + lnAlpha);
            ga += w * (psiAB - psiABX);
            gb += w * (SpecialFunctions.DiGamma(b + x) - psiABX - psiB + psiAB);
        }

        var galpha = d.TotalWeight * r / alpha;
        var lnA = Math.Log(a);
        var sums = LogSpaceMinimizer.ParallelSums(d.Count, 5, (from, to, acc) =>
        {
            double v = 0, sr = 0, sal = 0, sa = 0, sb = 0;
            for (var i = from; i < to; i++)
            {
                var x = d.X[i];
                var w = d.Weight[i];
                var lnT = Math.Log(alpha + d.T[i]);
                var a3 = -(r + x) * lnT;
                if (x == 0)
                {
                    v += w * a3;
                    sr -= w * lnT;
                    sal -= w * (r + x) / (alpha + d.T[i]);
                    continue;
                }

                var lnTx = Math.Log(alpha + d.Tx[i]);
                var a4 = lnA - Math.Log(b + x - 1) - (r + x) * lnTx;
                var m = Math.Max(a3, a4);
                var e3 = Math.Exp(a3 - m);
                var e4 = Math.Exp(a4 - m);
                var pi = e4 / (e3 + e4);
                v += w * (m + Math.Log(e3 + e4));
                sr -= w * ((1 - pi) * lnT + pi * lnTx);
                sal -= w * (r + x) * ((1 - pi) / (alpha + d.T[i]) + pi / (alpha + d.Tx[i]));
                sa += w * pi / a;
                sb -= w * pi / (b + x - 1);
            }

            acc[0] = v;
            acc[1] = sr;
            acc[2] = sal;
            acc[3] = sa;
            acc[4] = sb;
        });

        return (value + sums[0], [r * (gr + sums[1]), alpha * (galpha + sums[2]), a * (ga + sums[3]), b * (gb + sums[4])]);
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
        public double[] WeightAtX = [];
        public double TotalWeight;

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
                WeightAtX = WeightsAt(distinct.Length, x, w, position),
                TotalWeight = w.Sum(),
            };
        }

        private static double[] WeightsAt(int distinct, List<int> x, List<double> w, Dictionary<int, int> position)
        {
            var at = new double[distinct];
            for (var i = 0; i < x.Count; i++)
            {
                at[position[x[i]]] += w[i];
            }

            return at;
        }
    }
}
