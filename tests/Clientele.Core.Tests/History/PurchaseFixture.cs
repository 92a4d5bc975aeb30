using Clientele.Core.History;
using MathNet.Numerics.Distributions;

namespace Clientele.Core.Tests.History;

/// <summary>Transactions drawn from the BG/NBD process in days (seeded), for the training-from-transactions tests.</summary>
internal static class PurchaseFixture
{
    public static readonly DateOnly Start = new(2023, 1, 1);

    /// <summary>
    /// Each client joins in the first year, buys at Poisson(λ) times, λ ~ Gamma(0.8, 60 days), drops out after a
    /// purchase with p ~ Beta(1, 4), spends Gamma(4, ν) with ν per client, until <paramref name="days"/> after <see cref="Start"/>.
    /// </summary>
    public static List<Transaction> Simulate(int clients, int days, int seed)
    {
        var rng = new Random(seed);
        var result = new List<Transaction>();
        for (var c = 0; c < clients; c++)
        {
            var lambda = Gamma.Sample(rng, 0.8, 60);
            var p = Beta.Sample(rng, 1, 4);
            var scale = Gamma.Sample(rng, 3, 0.02);
            double t = rng.Next(0, 365);
            while (t < days)
            {
                result.Add(new Transaction("C" + c.ToString("000", System.Globalization.CultureInfo.InvariantCulture), Start.AddDays((int)t),
                    Math.Round(Gamma.Sample(rng, 4, scale), 2)));
                if (rng.NextDouble() < p)
                {
                    break;
                }

                t += 1 + (-Math.Log(1 - rng.NextDouble()) / lambda);
            }
        }

        return result;
    }

    public static Transaction Tx(string client, string date, double amount) => new(client, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), amount);
}
