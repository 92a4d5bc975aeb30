using System.Globalization;
using System.Text;

namespace Clientele.Cli.Tests;

/// <summary>A transactions file (client_id,date,amount) of clients buying over 2025, for the purchase-history verbs.</summary>
internal static class SyntheticPurchases
{
    /// <summary>
    /// 300 clients C000…C299, each starting on a random day before <paramref name="firstDayBefore"/> of 2025, buying at
    /// its own pace (a gap of 10–69 days on average) and its own spend, and stopping after a purchase with probability
    /// 0.15; seeded, so the file is the same on every run.
    /// </summary>
    public static void Write(string path, int seed, int firstDayBefore)
    {
        var rng = new Random(seed);
        var csv = new StringBuilder("client_id,date,amount\n");
        var start = new DateOnly(2025, 1, 1);
        for (var c = 0; c < 300; c++)
        {
            var day = rng.Next(0, firstDayBefore);
            var gap = 10 + rng.Next(0, 60);
            var spend = 50 + rng.Next(0, 400);
            while (day < 365)
            {
                csv.Append(CultureInfo.InvariantCulture, $"C{c:000},{start.AddDays(day):yyyy-MM-dd},{spend * (0.5 + rng.NextDouble()):0.00}\n");
                if (rng.NextDouble() < 0.15)
                {
                    break;
                }

                day += 1 + (int)(gap * -Math.Log(1 - rng.NextDouble()));
            }
        }

        File.WriteAllText(path, csv.ToString());
    }
}
