using System.Text.Json;
using Clientele.Core.Errors;
using MathNet.Numerics;

namespace Clientele.Core.History;

/// <summary>
/// A fitted BG/NBD model (see <see cref="BgNbdOptions"/>): population parameters r, α (purchase rate) and a, b
/// (dropout), and the per-client predictions. Times (t, tₓ, T) are in the period the RFM summary was made in.
/// Every prediction is written so a client with hundreds of purchases neither overflows nor turns into NaN.
/// </summary>
public sealed class BgNbdModel
{
    /// <summary>The format written by <see cref="Save"/>; <see cref="Load"/> reads this and older.</summary>
    public const int FormatVersion = 1;

    /// <summary>|a − 1| below this is moved off 1: the expectation has a removable 0/0 there, and 1e-8 keeps 8 good digits.</summary>
    private const double NearOne = 1e-8;

    public BgNbdModel(double r, double alpha, double a, double b, double logLikelihood = double.NaN, int clients = 0)
    {
        R = r;
        Alpha = alpha;
        A = a;
        B = b;
        LogLikelihood = logLikelihood;
        Clients = clients;
    }

    public double R { get; }

    public double Alpha { get; }

    public double A { get; }

    public double B { get; }

    /// <summary>The maximised log-likelihood (NaN for a model built from given parameters).</summary>
    public double LogLikelihood { get; }

    /// <summary>Clients the model was fitted on.</summary>
    public int Clients { get; }

    /// <summary>
    /// P(alive at T | x, tₓ, T) = 1 / (1 + δ(x&gt;0) · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)), from the log of the second
    /// term: ((α+T)/(α+tₓ))^(r+x) alone overflows for x in the hundreds.
    /// </summary>
    public double ProbabilityAlive(double x, double tx, double T) => Math.Exp(LogProbabilityAlive(x, tx, T));

    /// <summary>log P(alive), as −log(1 + e^L) computed without overflow.</summary>
    public double LogProbabilityAlive(double x, double tx, double T)
    {
        if (x <= 0)
        {
            return 0.0;
        }

        var l = Math.Log(A) - Math.Log(B + x - 1) + (R + x) * (Math.Log(Alpha + T) - Math.Log(Alpha + tx));
        return l > 0 ? -l - Math.Log(1 + Math.Exp(-l)) : -Math.Log(1 + Math.Exp(l));
    }

    /// <summary>
    /// E[purchases in (T, T+t] | x, tₓ, T] (Fader, Hardie &amp; Lee 2005, eq. 10). The product
    /// ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; z) is evaluated through Euler's transformation as
    /// (1−z)^(a−1) · ₂F₁(a+b−1−r, a−1; a+b+x−1; z), z = t/(α+T+t): equal, but its parameters no longer grow with x,
    /// so neither factor is astronomically large or small. <paramref name="horizon"/> is the t of these formulas.
    /// </summary>
    public double ExpectedPurchases(double horizon, double x, double tx, double T)
    {
        if (horizon <= 0)
        {
            return 0.0;
        }

        var a = Math.Abs(A - 1) < NearOne ? 1 + NearOne : A;
        var z = horizon / (Alpha + T + horizon);
        var h = Math.Pow(1 - z, a - 1) * Hypergeometric.F21(a + B - 1 - R, a - 1, a + B + x - 1, z);
        if (!double.IsFinite(h))
        {
            // a and b in the millions (a fit where every client drops out with the same probability, so the Beta
            // collapses) overflow the Euler form; the paper's own form is the stable one there, its series ratio
            // tending to b / (a + b) < 1.
            h = Math.Exp((R + x) * Math.Log(1 - z) + Math.Log(Hypergeometric.F21(R + x, B + x, a + B + x - 1, z)));
        }

        var alive = (a + B + x - 1) / (a - 1) * (1 - h);
        return alive * ProbabilityAlive(x, tx, T);
    }

    /// <summary>E[X(t)]: purchases expected in the first t after a client's first purchase, for a client picked at random.</summary>
    public double ExpectedPurchases(double t) => ExpectedPurchases(t, 0, 0, 0);

    /// <summary>
    /// P(at least one purchase in (T, T+t] | x, tₓ, T). A client who is alive buys nothing in the next t with
    /// probability E[e^(−λt) | data] = ((α+T)/(α+T+t))^(r+x) (the posterior of λ is Gamma(r+x, α+T); dropout only
    /// follows a purchase, so no purchase means no dropout either); a client who is gone buys nothing. So
    /// P(none) = (1 − P(alive)) + P(alive)·((α+T)/(α+T+t))^(r+x) and this is 1 − P(none). <paramref name="horizon"/>
    /// is the t of these formulas.
    /// </summary>
    public double ProbabilityOfPurchaseWithin(double horizon, double x, double tx, double T)
    {
        if (horizon <= 0)
        {
            return 0.0;
        }

        var logNone = (R + x) * (Math.Log(Alpha + T) - Math.Log(Alpha + T + horizon));
        return ProbabilityAlive(x, tx, T) * -SpecialFunctions.Expm1(logNone);
    }

    /// <summary>Writes the parameters as JSON with a format version.</summary>
    public void Save(Stream stream) =>
        ModelJson.Write(stream, FormatVersion, "bgnbd", [("r", R), ("alpha", Alpha), ("a", A), ("b", B)], LogLikelihood, Clients);

    /// <summary>Reads what <see cref="Save"/> wrote; a newer format or a damaged file throws <see cref="ClienteleInputException"/>.</summary>
    public static BgNbdModel Load(Stream stream, string source = "bgnbd model")
    {
        var root = ModelJson.Read(stream, source, "BG/NBD", "bgnbd", FormatVersion);
        return new BgNbdModel(
            ModelJson.Positive(root, "r", source, "BG/NBD"),
            ModelJson.Positive(root, "alpha", source, "BG/NBD"),
            ModelJson.Positive(root, "a", source, "BG/NBD"),
            ModelJson.Positive(root, "b", source, "BG/NBD"),
            ModelJson.LogLikelihood(root),
            ModelJson.Clients(root));
    }
}
