using Clientele.Core.Columns;
using Clientele.Core.History;

namespace Clientele.Core.Features.Blocks;

/// <summary>
/// The categorical extra columns of the transactions (issue 13): per used column of the fitted schema, the category
/// breadth (levels the client bought) and the share of its purchase days with each fitted level and with any other,
/// as of the row's reference date. Columns are found in the client's ledger by name, so a scoring file may order them
/// differently; a client without them (no purchase, or purchases read from the store, which keeps no extra column)
/// gets zeros.
/// </summary>
internal sealed class PurchaseColumnBlock : IFeatureBlock
{
    private readonly ColumnSpec[] _used;
    private readonly int[] _offsets;

    // The last ledger columns seen and, per used column, where it is in them and each ledger level's slot: every
    // client of a ledger shares one array. A class, so workers transforming rows in parallel swap it atomically.
    private LedgerMap? _map;

    [ThreadStatic]
    private static HashSet<int>? s_distinct;

    public PurchaseColumnBlock(ColumnSchema schema)
    {
        Schema = schema;
        _used = schema.Used.ToArray();
        _offsets = new int[_used.Length];
        var columns = new List<FeatureInfo>();
        for (var u = 0; u < _used.Length; u++)
        {
            var spec = _used[u];
            _offsets[u] = columns.Count;
            var prefix = "purchase_column:" + spec.Name;
            columns.Add(new FeatureInfo(prefix + ":breadth", FeatureKind.Column, new ColumnSubject(spec.Name, ColumnMeasure.Breadth)));
            columns.AddRange(spec.Levels.Select(l => new FeatureInfo(prefix + "=" + l, FeatureKind.Column, new ColumnSubject(spec.Name, ColumnMeasure.Level, l))));
            columns.Add(new FeatureInfo(prefix + ":other", FeatureKind.Column, new ColumnSubject(spec.Name, ColumnMeasure.Other)));
        }

        Columns = columns;
    }

    public ColumnSchema Schema { get; }

    public IReadOnlyList<FeatureInfo> Columns { get; }

    public void Write(in FeatureRow row, Span<float> destination)
    {
        if (row.Reference is not { } asOf || row.Purchases?.Details is not { } details)
        {
            return;
        }

        var map = MapOf(details.Columns);
        var distinct = s_distinct ??= [];
        for (var u = 0; u < _used.Length; u++)
        {
            if (map.Column[u] < 0)
            {
                continue;
            }

            var days = details.Days[map.Column[u]];
            var slots = map.Slots[u];
            var at = destination[_offsets[u]..];
            var end = days.End(asOf);
            distinct.Clear();
            var purchaseDays = 0;
            for (var i = 0; i < end; i++)
            {
                purchaseDays += i == 0 || days.Days[i] != days.Days[i - 1] ? 1 : 0;
                distinct.Add(days.Levels[i]);
                // Slot 0 is the breadth; fitted levels follow, then "other".
                at[1 + (slots[days.Levels[i]] is var s and >= 0 ? s : _used[u].Levels.Count)] += 1;
            }

            at[0] = distinct.Count;
            for (var j = 1; purchaseDays > 0 && j <= _used[u].Levels.Count + 1; j++)
            {
                at[j] /= purchaseDays;
            }
        }
    }

    private LedgerMap MapOf(DetailColumn[] columns)
    {
        var map = _map;
        if (map is not null && ReferenceEquals(map.Columns, columns))
        {
            return map;
        }

        var index = new int[_used.Length];
        var slots = new int[_used.Length][];
        for (var u = 0; u < _used.Length; u++)
        {
            index[u] = Array.FindIndex(columns, c => string.Equals(c.Name.Trim(), _used[u].Name.Trim(), StringComparison.OrdinalIgnoreCase));
            var fitted = _used[u].Levels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
            slots[u] = index[u] < 0 ? [] : columns[index[u]].Levels.Select(l => fitted.TryGetValue(l, out var s) ? s : -1).ToArray();
        }

        map = new LedgerMap(columns, index, slots);
        _map = map;
        return map;
    }

    private sealed record LedgerMap(DetailColumn[] Columns, int[] Column, int[][] Slots);
}
