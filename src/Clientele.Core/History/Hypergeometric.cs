using MathNet.Numerics;

namespace Clientele.Core.History;

/// <summary>
/// The Gauss hypergeometric function ₂F₁(a, b; c; z) for real arguments and z &lt; 1 (and z = 1 when it converges),
/// which the BG/NBD conditional expectation needs. MathNet.Numerics has no ₂F₁, so it is here.
/// </summary>
public static class Hypergeometric
{
    /// <summary>Terms are summed until one changes the sum by less than this, relative: about double precision.</summary>
    private const double Tolerance = 1e-16;

    /// <summary>
    /// A cap no convergent call should reach: at z = 0.999 the series needs some 40,000 terms; above
    /// <see cref="DirectLimit"/> the 1 − z transformation takes over anyway.
    /// </summary>
    private const int MaxTerms = 200_000;

    /// <summary>Above this z the series converges slowly (ratio z per term), so the 1 − z transformation is used when it applies.</summary>
    private const double DirectLimit = 0.9;

    /// <summary>₂F₁(a, b; c; z). Throws when z &gt; 1, when c is a non-positive integer, or when the series does not converge.</summary>
    public static double F21(double a, double b, double c, double z)
    {
        if (z == 0 || a == 0 || b == 0)
        {
            return 1.0;
        }

        if (c <= 0 && c == Math.Floor(c))
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, "c must not be zero or a negative integer");
        }

        if (z > 1 || double.IsNaN(z))
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "2F1 is implemented for real z <= 1");
        }

        if (z == 1)
        {
            // Gauss's theorem; it converges only when c − a − b > 0.
            if (c - a - b <= 0)
            {
                return double.PositiveInfinity;
            }

            return IsPole(c - a) || IsPole(c - b) ? 0.0 : GammaRatio(c, c - a - b, c - a, c - b);
        }

        if (z < 0)
        {
            // Pfaff: maps z < 0 to z / (z − 1) in (0, 1), where the series converges; for z < −1 it is the only way to converge at all.
            return Math.Pow(1 - z, -a) * F21(a, c - b, c, z / (z - 1));
        }

        if (z > DirectLimit && TryOneMinusZ(a, b, c, z, out var value))
        {
            return value;
        }

        return Series(a, b, c, z);
    }

    /// <summary>The power series Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ, for |z| &lt; 1.</summary>
    public static double Series(double a, double b, double c, double z)
    {
        double term = 1.0, sum = 1.0;
        for (var n = 0; n < MaxTerms; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (term == 0 || Math.Abs(term) <= Tolerance * Math.Abs(sum))
            {
                // A term can vanish only when a or b is a non-positive integer (a polynomial): then the sum is exact.
                // Otherwise, once the ratio of successive terms is below 1, a tiny term means the tail is tiny too.
                if (term == 0 || Math.Abs((a + n + 1) * (b + n + 1) / ((c + n + 1) * (n + 2)) * z) < 1)
                {
                    return sum;
                }
            }

            if (!double.IsFinite(sum))
            {
                return sum;
            }
        }

        throw new ArithmeticException($"2F1({a}, {b}; {c}; {z}) did not converge in {MaxTerms:N0} terms");
    }

    /// <summary>
    /// The linear transformation to 1 − z (Abramowitz &amp; Stegun 15.3.6), valid when c − a − b is not an integer;
    /// false when it is (the transformation has a logarithmic limit there) or a gamma value overflows.
    /// </summary>
    private static bool TryOneMinusZ(double a, double b, double c, double z, out double value)
    {
        value = double.NaN;
        var s = c - a - b;
        if (Math.Abs(s - Math.Round(s)) < 1e-6 || IsPole(c - a) || IsPole(c - b) || IsPole(a) || IsPole(b))
        {
            return false;
        }

        var w = 1 - z;
        var first = GammaRatio(c, s, c - a, c - b);
        var second = GammaRatio(c, -s, a, b);
        value = first * Series(a, b, 1 - s, w) + second * Math.Pow(w, s) * Series(c - a, c - b, 1 + s, w);
        return double.IsFinite(value);
    }

    /// <summary>Γ(p)Γ(q) / (Γ(r)Γ(s)) through logarithms, so large arguments do not overflow before they cancel.</summary>
    private static double GammaRatio(double p, double q, double r, double s) =>
        Math.Exp(LnAbsGamma(p) + LnAbsGamma(q) - LnAbsGamma(r) - LnAbsGamma(s)) * GammaSign(p) * GammaSign(q) * GammaSign(r) * GammaSign(s);

    /// <summary>ln|Γ(x)|; MathNet's GammaLn takes the log of a negative sine for some x &lt; 0, so the reflection is done here.</summary>
    private static double LnAbsGamma(double x) =>
        x > 0 ? SpecialFunctions.GammaLn(x) : Math.Log(Math.PI) - Math.Log(Math.Abs(Math.Sin(Math.PI * x))) - SpecialFunctions.GammaLn(1 - x);

    /// <summary>1/Γ is zero at non-positive integers: such a term drops out, which the transformation above does not handle.</summary>
    private static bool IsPole(double x) => x <= 0 && x == Math.Floor(x);

    /// <summary>The sign of Γ(x): GammaLn gives ln|Γ(x)|, and Γ is negative on (−1, 0), (−3, −2), ….</summary>
    private static double GammaSign(double x) => x > 0 || ((int)Math.Floor(x) & 1) == 0 ? 1.0 : -1.0;
}
