using Clientele.Core.History;
using MathNet.Numerics.Distributions;

namespace Clientele.Core.Tests.History;

/// <summary>Data drawn from the BG/NBD and Gamma-Gamma processes themselves, seeded, for parameter-recovery tests.</summary>
internal static class BtydSimulation
{
    /// <summary>
    /// Each client: λ ~ Gamma(r, α), p ~ Beta(a, b); purchases at Poisson(λ) times after the first at 0, and after
    /// each purchase the client drops out with probability p. Ages T are spread over [26, 52] periods (a cohort
    /// acquired over half a year), which is what separates the purchase rate from dropout.
    /// </summary>
    public static List<RfmRow> BgNbd(int clients, double r, double alpha, double a, double b, int seed)
    {
        var rng = new Random(seed);
        var rows = new List<RfmRow>(clients);
        for (var i = 0; i < clients; i++)
        {
            var lambda = Gamma.Sample(rng, r, alpha);
            var p = Beta.Sample(rng, a, b);
            var age = 26 + 26 * rng.NextDouble();
            double t = 0, last = 0;
            var x = 0;
            while (true)
            {
                t += -Math.Log(1 - rng.NextDouble()) / lambda;
                if (t > age)
                {
                    break;
                }

                x++;
                last = t;
                if (rng.NextDouble() < p)
                {
                    break;
                }
            }

            rows.Add(new RfmRow("c" + i, x, last, age, 0, 0, default, default, 0));
        }

        return rows;
    }

    /// <summary>Each client: ν ~ Gamma(q, v); x ∈ 1..8 repeat purchases, each spend ~ Gamma(p, ν); m is their mean.</summary>
    public static List<RfmRow> GammaGamma(int clients, double p, double q, double v, int seed)
    {
        var rng = new Random(seed);
        var rows = new List<RfmRow>(clients);
        for (var i = 0; i < clients; i++)
        {
            var nu = Gamma.Sample(rng, q, v);
            var x = rng.Next(1, 9);
            var sum = 0.0;
            for (var k = 0; k < x; k++)
            {
                sum += Gamma.Sample(rng, p, nu);
            }

            rows.Add(new RfmRow("c" + i, x, 1, 2, sum / x, sum, default, default, 0));
        }

        return rows;
    }
}
