using Clientele.Core.Errors;

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

    /// <summary>The extra columns of the transactions the ledger was built with (empty: none, or read from the store).</summary>
    internal DetailColumn[] DetailColumns { get; init; } = [];

    /// <summary>The header names of <see cref="DetailColumns"/>.</summary>
    public IReadOnlyList<string> DetailNames => DetailColumns.Select(c => c.Name).ToArray();

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

    /// <summary>Every client's days of <paramref name="transactions"/>, with no extra column.</summary>
    public static PurchaseLedger From(IEnumerable<Transaction> transactions) => From(transactions, null);

    /// <summary>
    /// As <see cref="From(IEnumerable{Transaction})"/>, with the extra columns of the same rows (row <c>i</c> of
    /// <paramref name="details"/> is the <c>i</c>-th transaction): each client's purchase days per level, which the
    /// transaction column block reads.
    /// </summary>
    public static PurchaseLedger From(IEnumerable<Transaction> transactions, Ingest.TransactionDetails? details)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        var withDetails = details is { Names.Count: > 0 };
        var rowKeys = withDetails ? new List<long>(details!.RowCount) : null;
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
            rowKeys?.Add(t.Amount > 0 ? DailyNet.Key(client, t.Date) : ~DailyNet.Key(client, t.Date));
        }

        if (rowKeys is not null && rowKeys.Count != details!.RowCount)
        {
            throw new ArgumentException(HistoryMessages.DetailRowsMismatch(details.RowCount, rowKeys.Count), nameof(details));
        }

        var (columns, clientDetails) = rowKeys is null ? ([], null) : DetailCollector.Collect(details!, rowKeys, ids.Count);

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

            byClient[ids[client]] = new ClientPurchases(ids[client], days, amounts)
            {
                Details = clientDetails is null ? null : new ClientDetails(columns, clientDetails[client]),
            };
        }

        return new PurchaseLedger(byClient, ids) { DetailColumns = columns };
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
