namespace Clientele.Core.History;

/// <summary>
/// Every client's <see cref="ClientPurchases"/>, built once from the transactions: features, outcomes and the BTYD
/// fits then read it as of any date without re-reading the file.
/// </summary>
public sealed class PurchaseLedger
{
    private readonly Dictionary<string, ClientPurchases> _byClient;

    private PurchaseLedger(Dictionary<string, ClientPurchases> byClient, List<string> order)
    {
        _byClient = byClient;
        ClientIds = order;
    }

    /// <summary>Client ids in order of first appearance in the transactions.</summary>
    public IReadOnlyList<string> ClientIds { get; }

    /// <summary>The newest transaction day of any client (<see cref="DateOnly.MinValue"/> when empty).</summary>
    public DateOnly Newest => _byClient.Count == 0 ? DateOnly.MinValue : _byClient.Values.Max(c => c.Newest);

    /// <summary>The client's history, or null when the client has no transaction.</summary>
    public ClientPurchases? For(string clientId) => _byClient.GetValueOrDefault(clientId);

    /// <summary>Nets each client's transactions per day (see <see cref="DailyNet"/>).</summary>
    /// <summary>Every client's days as one transaction each (its net amount), client by client, oldest first.</summary>
    internal IEnumerable<Transaction> DailyNets()
    {
        foreach (var id in ClientIds)
        {
            var c = _byClient[id];
            for (var i = 0; i < c.Days.Length; i++)
            {
                yield return new Transaction(id, DateOnly.FromDayNumber(c.Days[i]), c.Nets[i]);
            }
        }
    }

    public static PurchaseLedger From(IEnumerable<Transaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>();
        var daily = new DailyNet();
        foreach (var t in transactions)
        {
            if (!index.TryGetValue(t.ClientId, out var client))
            {
                client = ids.Count;
                index.Add(t.ClientId, client);
                ids.Add(t.ClientId);
            }

            daily.Add(client, t.Date, t.Amount);
        }

        var n = daily.Collapse(out var keys, out var nets);
        var byClient = new Dictionary<string, ClientPurchases>(ids.Count, StringComparer.Ordinal);
        var i = 0;
        while (i < n)
        {
            var client = DailyNet.ClientOf(keys[i]);
            var start = i;
            while (i < n && DailyNet.ClientOf(keys[i]) == client)
            {
                i++;
            }

            var days = new int[i - start];
            var amounts = new double[i - start];
            for (var j = start; j < i; j++)
            {
                days[j - start] = DailyNet.DayOf(keys[j]);
                amounts[j - start] = nets[j];
            }

            byClient[ids[client]] = new ClientPurchases(ids[client], days, amounts);
        }

        return new PurchaseLedger(byClient, ids);
    }

    /// <summary>The RFM rows (in days) of every client with a purchase day on or before <paramref name="asOf"/>.</summary>
    public List<RfmRow> Rfm(DateOnly asOf)
    {
        var rows = new List<RfmRow>(ClientIds.Count);
        foreach (var id in ClientIds)
        {
            if (_byClient[id].Rfm(asOf) is { } row)
            {
                rows.Add(row);
            }
        }

        return rows;
    }
}
