using Clientele.Core.Columns;

namespace Clientele.Core.Features.Blocks;

/// <summary>
/// The extra columns of the notes file (issue 13): per used column of the fitted <see cref="ColumnSchema"/>, a
/// numeric one's mean, latest value and missing flag; a date's days to the reference date and missing flag; a
/// categorical one's one-hot of the latest value over the fitted levels, "other" and missing. Columns are found in
/// the profile by name, so a scoring file may order them differently from the training file.
/// </summary>
internal sealed class ColumnBlock : IFeatureBlock
{
    private readonly ColumnSpec[] _used;
    private readonly int[] _offsets;
    private readonly Dictionary<string, int>[] _levels;

    // The last names array seen and where each used column is in it: every note of a file shares one array.
    // A class, so workers transforming rows in parallel swap it atomically.
    private NameMap? _map;

    public ColumnBlock(ColumnSchema schema)
    {
        Schema = schema;
        _used = schema.Used.ToArray();
        _offsets = new int[_used.Length];
        _levels = new Dictionary<string, int>[_used.Length];
        var columns = new List<FeatureInfo>();
        for (var u = 0; u < _used.Length; u++)
        {
            var spec = _used[u];
            _offsets[u] = columns.Count;
            _levels[u] = spec.Levels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
            var prefix = "column:" + spec.Name;
            switch (spec.Type)
            {
                case ColumnType.Numeric:
                    columns.Add(new FeatureInfo(prefix + ":mean", FeatureKind.Column, new ColumnSubject(spec.Name, ColumnMeasure.Mean)));
                    columns.Add(new FeatureInfo(prefix + ":latest", FeatureKind.Column, new ColumnSubject(spec.Name, ColumnMeasure.Latest)));
                    break;
                case ColumnType.Date:
                    columns.Add(new FeatureInfo(prefix + ":days_since", FeatureKind.Column, new ColumnSubject(spec.Name, ColumnMeasure.DaysSince)));
                    break;
                default:
                    columns.AddRange(spec.Levels.Select(l => new FeatureInfo(prefix + "=" + l, FeatureKind.Column, new ColumnSubject(spec.Name, ColumnMeasure.Level, l))));
                    columns.Add(new FeatureInfo(prefix + ":other", FeatureKind.Column, new ColumnSubject(spec.Name, ColumnMeasure.Other)));
                    break;
            }

            columns.Add(new FeatureInfo(prefix + ":missing", FeatureKind.Column, new ColumnSubject(spec.Name, ColumnMeasure.Missing)));
        }

        Columns = columns;
    }

    public ColumnSchema Schema { get; }

    public IReadOnlyList<FeatureInfo> Columns { get; }

    public void Write(in FeatureRow row, Span<float> destination)
    {
        var cols = row.Profile.Columns;
        var index = cols is null ? null : IndexOf(cols);
        for (var u = 0; u < _used.Length; u++)
        {
            var spec = _used[u];
            var at = destination[_offsets[u]..];
            var c = index is null ? -1 : index[u];
            switch (spec.Type)
            {
                case ColumnType.Numeric when c >= 0 && cols!.Mean(c) is { } mean:
                    at[0] = (float)mean;
                    at[1] = (float)(cols.LatestNumber(c) ?? mean);
                    break;
                case ColumnType.Numeric:
                    at[2] = 1;
                    break;
                case ColumnType.Date when c >= 0 && row.Reference is { } reference && ColumnEncoding.Date(cols!, c) is { } date:
                    at[0] = reference.DayNumber - date.DayNumber;
                    break;
                case ColumnType.Date:
                    at[1] = 1;
                    break;
                default:
                    var level = c >= 0 ? ColumnEncoding.Level(cols!, c) : null;
                    if (level is null)
                    {
                        at[spec.Levels.Count + 1] = 1;
                    }
                    else
                    {
                        at[_levels[u].TryGetValue(level, out var l) ? l : spec.Levels.Count] = 1;
                    }

                    break;
            }
        }
    }

    private int[] IndexOf(ClientColumns cols)
    {
        var map = _map;
        if (map is not null && ReferenceEquals(map.Names, cols.Names))
        {
            return map.Index;
        }

        var index = _used.Select(s => cols.IndexOf(s.Name)).ToArray();
        _map = new NameMap(cols.Names, index);
        return index;
    }

    private sealed record NameMap(IReadOnlyList<string> Names, int[] Index);
}
