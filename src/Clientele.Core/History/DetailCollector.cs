using Clientele.Core.Columns;
using Clientele.Core.Ingest;

namespace Clientele.Core.History;

/// <summary>
/// Turns the extra columns of the transactions (row for row) into each client's <see cref="DetailDays"/>: one sort of
/// flat (client, day) keys per column, as <see cref="DailyNet"/> does, rather than grouping millions of objects.
/// </summary>
internal static class DetailCollector
{
    /// <summary>
    /// The ledger's columns and each client's days in them. <paramref name="rowKeys"/> is, per transaction row,
    /// <see cref="DailyNet.Key"/> of its client and day, its bitwise complement for a return row (counted in the
    /// column's rows and clients, but a returned category was not bought).
    /// </summary>
    public static (DetailColumn[] Columns, DetailDays[][] ByClient) Collect(TransactionDetails details, List<long> rowKeys, int clients)
    {
        var columns = new DetailColumn[details.Names.Count];
        var byClient = new DetailDays[clients][];
        for (var k = 0; k < clients; k++)
        {
            byClient[k] = new DetailDays[columns.Length];
            Array.Fill(byClient[k], DetailDays.Empty);
        }

        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = Column(details, c, rowKeys, byClient);
        }

        return (columns, byClient);
    }

    private static DetailColumn Column(TransactionDetails details, int c, List<long> rowKeys, DetailDays[][] byClient)
    {
        // Folded as the notes' categorical columns are: "Leather Goods " and "leather goods" are one level.
        var raw = details.Values(c);
        var folded = new Dictionary<string, int>(StringComparer.Ordinal);
        var levels = new List<string>();
        var toFolded = new int[raw.Count];
        for (var v = 0; v < raw.Count; v++)
        {
            var f = ColumnValues.Category(raw[v]);
            if (!folded.TryGetValue(f, out var i))
            {
                i = levels.Count;
                folded.Add(f, i);
                levels.Add(f);
            }

            toFolded[v] = i;
        }

        var rows = new int[levels.Count];
        var keys = new List<long>();
        var items = new List<int>();
        var clientOf = new List<int>();
        for (var r = 0; r < details.RowCount; r++)
        {
            var level = details.Level(c, r);
            if (level < 0)
            {
                continue;
            }

            var f = toFolded[level];
            rows[f]++;
            clientOf.Add(DailyNet.ClientOf(rowKeys[r] < 0 ? ~rowKeys[r] : rowKeys[r]));
            if (rowKeys[r] >= 0)
            {
                keys.Add(rowKeys[r]);
                items.Add(f);
            }
        }

        var k = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(keys);
        var it = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(items);
        k.Sort(it);
        var i0 = 0;
        var days = new List<int>();
        var lv = new List<int>();
        while (i0 < k.Length)
        {
            var client = DailyNet.ClientOf(k[i0]);
            days.Clear();
            lv.Clear();
            while (i0 < k.Length && DailyNet.ClientOf(k[i0]) == client)
            {
                var key = k[i0];
                var start = lv.Count;
                for (; i0 < k.Length && k[i0] == key; i0++)
                {
                    // One day's rows are few: a linear check keeps each (day, level) once.
                    if (lv.IndexOf(it[i0], start) < 0)
                    {
                        days.Add(DailyNet.DayOf(key));
                        lv.Add(it[i0]);
                    }
                }
            }

            byClient[client][c] = new DetailDays(days.ToArray(), lv.ToArray());
        }

        clientOf.Sort();
        var distinctClients = 0;
        for (var i = 0; i < clientOf.Count; i++)
        {
            distinctClients += i == 0 || clientOf[i] != clientOf[i - 1] ? 1 : 0;
        }

        return new DetailColumn(details.Names[c], levels.ToArray(), rows, distinctClients);
    }
}
