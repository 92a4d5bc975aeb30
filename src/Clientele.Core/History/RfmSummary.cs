namespace Clientele.Core.History;

/// <summary>
/// Per-client recency, frequency and monetary value as of a date, from raw transactions. Purchases on one day
/// are one purchase (the BG/NBD models count purchase occasions, and a basket split over tills is one visit);
/// a day that nets below zero is a return, not a purchase. Transactions after the as-of date are left out and
/// counted in <see cref="RowsAfterAsOf"/>.
/// </summary>
public sealed class RfmSummary
{
    private RfmSummary(DateOnly asOf, Period period, IReadOnlyList<RfmRow> rows, long rowsAfterAsOf, int clientsWithoutPurchase)
    {
        AsOf = asOf;
        Period = period;
        Rows = rows;
        RowsAfterAsOf = rowsAfterAsOf;
        ClientsWithoutPurchase = clientsWithoutPurchase;
    }

    public DateOnly AsOf { get; }

    public Period Period { get; }

    /// <summary>One row per client with a purchase day on or before <see cref="AsOf"/>, in order of first appearance in the input.</summary>
    public IReadOnlyList<RfmRow> Rows { get; }

    /// <summary>Transactions dated after <see cref="AsOf"/>, not summarised.</summary>
    public long RowsAfterAsOf { get; }

    /// <summary>Clients whose every day up to <see cref="AsOf"/> nets below zero (returns only): no purchase, no row.</summary>
    public int ClientsWithoutPurchase { get; }

    /// <summary>Days in one <paramref name="period"/>.</summary>
    public static double DaysPer(Period period) => period == Period.Week ? 7.0 : 1.0;

    public static RfmSummary Compute(IEnumerable<Transaction> transactions, DateOnly asOf, Period period = Period.Day)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>();
        var daily = new DailyNet();
        long after = 0;
        foreach (var t in transactions)
        {
            if (t.Date > asOf)
            {
                after++;
                continue;
            }

            if (!index.TryGetValue(t.ClientId, out var client))
            {
                client = ids.Count;
                index.Add(t.ClientId, client);
                ids.Add(t.ClientId);
            }

            daily.Add(client, t.Date, t.Amount);
        }

        var n = daily.Collapse(out var keys, out var nets);
        var unit = DaysPer(period);
        var asOfDay = asOf.DayNumber;
        var rows = new List<RfmRow>(ids.Count);
        var without = 0;
        var i = 0;
        while (i < n)
        {
            var client = DailyNet.ClientOf(keys[i]);
            int first = -1, last = -1, days = 0;
            double repeatSpend = 0, total = 0;
            for (; i < n && DailyNet.ClientOf(keys[i]) == client; i++)
            {
                var day = DailyNet.DayOf(keys[i]);
                var net = nets[i];
                total += net;
                if (!DailyNet.IsPurchase(net))
                {
                    continue;
                }

                if (first < 0)
                {
                    first = day;
                }
                else
                {
                    repeatSpend += net;
                }

                last = day;
                days++;
            }

            if (first < 0)
            {
                without++;
                continue;
            }

            var frequency = days - 1;
            rows.Add(new RfmRow(
                ids[client],
                frequency,
                (last - first) / unit,
                (asOfDay - first) / unit,
                frequency > 0 ? repeatSpend / frequency : 0.0,
                total,
                DateOnly.FromDayNumber(first),
                DateOnly.FromDayNumber(last),
                asOfDay - last));
        }

        return new RfmSummary(asOf, period, rows, after, without);
    }
}
