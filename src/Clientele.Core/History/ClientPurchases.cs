namespace Clientele.Core.History;

/// <summary>
/// One client's purchase history as net amounts per day (purchases of a day merged, returns netted), ascending by
/// day. Every figure derived from it is taken "as of" a date: only days on or before that date are read, so a
/// history that extends past the as-of date gives the same figures as one cut there.
/// </summary>
public sealed class ClientPurchases
{
    internal ClientPurchases(string clientId, int[] days, double[] nets)
    {
        ClientId = clientId;
        Days = days;
        Nets = nets;
    }

    /// <summary>The client's days in each extra column of the transactions; null when the ledger has none.</summary>
    internal ClientDetails? Details { get; init; }

    /// <summary>The client's id.</summary>
    public string ClientId { get; }

    /// <summary><see cref="DateOnly.DayNumber"/> of each day with a transaction, ascending.</summary>
    internal int[] Days { get; }

    /// <summary>The net amount of each day of <see cref="Days"/>.</summary>
    internal double[] Nets { get; }

    /// <summary>Days with a transaction, in all.</summary>
    public int DayCount => Days.Length;

    /// <summary>The newest day with a transaction.</summary>
    public DateOnly Newest => DateOnly.FromDayNumber(Days[^1]);

    /// <summary>Index just past the last day on or before <paramref name="asOf"/>.</summary>
    internal int End(DateOnly asOf)
    {
        var i = Array.BinarySearch(Days, asOf.DayNumber);
        return i >= 0 ? i + 1 : ~i;
    }

    /// <summary>True when any transaction (a purchase or a return) falls on or before <paramref name="asOf"/>: the client is known by then.</summary>
    public bool KnownBy(DateOnly asOf) => End(asOf) > 0;

    /// <summary>True when a purchase day (not a return day) falls on or before <paramref name="asOf"/>.</summary>
    public bool BoughtBy(DateOnly asOf)
    {
        var end = End(asOf);
        for (var i = 0; i < end; i++)
        {
            if (DailyNet.IsPurchase(Nets[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Purchase days in (<paramref name="after"/>, <paramref name="until"/>].</summary>
    public int PurchaseDays(DateOnly after, DateOnly until)
    {
        var n = 0;
        for (var i = End(after); i < End(until); i++)
        {
            n += DailyNet.IsPurchase(Nets[i]) ? 1 : 0;
        }

        return n;
    }

    /// <summary>Net spend in (<paramref name="after"/>, <paramref name="until"/>] (returns subtract).</summary>
    public double NetSpend(DateOnly after, DateOnly until)
    {
        var total = 0.0;
        for (var i = End(after); i < End(until); i++)
        {
            total += Nets[i];
        }

        return total;
    }

    /// <summary>
    /// The RFM row as of <paramref name="asOf"/> in days, as <see cref="RfmSummary"/> makes it (frequency = purchase
    /// days − 1, recency and T from the first purchase day); null when no purchase day falls on or before it.
    /// </summary>
    public RfmRow? Rfm(DateOnly asOf)
    {
        var end = End(asOf);
        int first = -1, last = -1, days = 0;
        double repeat = 0, total = 0;
        for (var i = 0; i < end; i++)
        {
            total += Nets[i];
            if (!DailyNet.IsPurchase(Nets[i]))
            {
                continue;
            }

            if (first < 0)
            {
                first = Days[i];
            }
            else
            {
                repeat += Nets[i];
            }

            last = Days[i];
            days++;
        }

        if (first < 0)
        {
            return null;
        }

        var frequency = days - 1;
        return new RfmRow(ClientId, frequency, last - first, asOf.DayNumber - first, frequency > 0 ? repeat / frequency : 0.0, total,
            DateOnly.FromDayNumber(first), DateOnly.FromDayNumber(last), asOf.DayNumber - last);
    }
}
