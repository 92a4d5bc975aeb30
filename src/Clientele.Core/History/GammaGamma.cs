using MathNet.Numerics;

namespace Clientele.Core.History;

/// <summary>
/// Fits the Gamma-Gamma spend model (Fader, Hardie &amp; Lee 2005, "RFM and CLV: using iso-value curves"): a
/// client's spend per purchase is Gamma(p, ν) around their own mean, and ν is Gamma(q, γ) across clients (γ is
/// written v here, as in the note and the lifetimes library). Only clients with repeat purchases (frequency &gt; 0)
/// and a positive mean repeat spend enter: the model describes the mean of x &gt; 0 observed spends.
/// </summary>
public sealed record GammaGammaOptions
{
    /// <summary>Nelder–Mead iterations per run; three parameters converge in a few hundred.</summary>
    public int MaxIterations { get; init; } = 5_000;

    public GammaGammaModel Fit(IReadOnlyList<RfmRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var used = rows.Where(r => r.Frequency > 0 && r.MonetaryValue > 0).ToList();
        if (used.Count == 0)
        {
            throw new ArgumentException("no client has a repeat purchase with a positive spend", nameof(rows));
        }

        var d = Data.From(used);
        var (p, value) = LogSpaceMinimizer.Minimize(lp => -LogLikelihood(d, lp), [[0, 0, 0], [Math.Log(2), Math.Log(2), Math.Log(used.Average(r => r.MonetaryValue))]], MaxIterations);
        return new GammaGammaModel(Math.Exp(p[0]), Math.Exp(p[1]), Math.Exp(p[2]), -value, used.Count);
    }

    /// <summary>
    /// Σ lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln v + (px−1) ln m + px ln x − (px+q) ln(xm+v), the density of the mean m of
    /// x spends. The gamma terms depend on x only, so they are computed once per distinct x.
    /// </summary>
    private static double LogLikelihood(Data d, double[] logParameters)
    {
        var p = Math.Exp(logParameters[0]);
        var q = Math.Exp(logParameters[1]);
        var v = Math.Exp(logParameters[2]);
        if (!(double.IsFinite(p) && double.IsFinite(q) && double.IsFinite(v)) || p == 0 || q == 0 || v == 0)
        {
            return double.NegativeInfinity;
        }

        var lnQ = SpecialFunctions.GammaLn(q) - q * Math.Log(v);
        var byX = new double[d.DistinctX.Length];
        for (var j = 0; j < byX.Length; j++)
        {
            var px = p * d.DistinctX[j];
            byX[j] = SpecialFunctions.GammaLn(px + q) - SpecialFunctions.GammaLn(px) - lnQ + px * Math.Log(d.DistinctX[j]);
        }

        return LogSpaceMinimizer.ParallelSum(d.X.Length, (from, to) =>
        {
            var sum = 0.0;
            for (var i = from; i < to; i++)
            {
                var x = d.X[i];
                var px = p * x;
                sum += byX[d.XIndex[i]] + (px - 1) * d.LnM[i] - (px + q) * Math.Log(x * d.M[i] + v);
            }

            return sum;
        });
    }

    private sealed class Data
    {
        public int[] X = [];
        public int[] XIndex = [];
        public double[] M = [];
        public double[] LnM = [];
        public int[] DistinctX = [];

        public static Data From(List<RfmRow> rows)
        {
            var distinct = rows.Select(r => r.Frequency).Distinct().Order().ToArray();
            var position = new Dictionary<int, int>();
            for (var j = 0; j < distinct.Length; j++)
            {
                position[distinct[j]] = j;
            }

            return new Data
            {
                X = [.. rows.Select(r => r.Frequency)],
                XIndex = [.. rows.Select(r => position[r.Frequency])],
                M = [.. rows.Select(r => r.MonetaryValue)],
                LnM = [.. rows.Select(r => Math.Log(r.MonetaryValue))],
                DistinctX = distinct,
            };
        }
    }
}
