namespace Clientele.Core.Columns;

/// <summary>
/// One client's values of the notes file's extra columns, merged over its notes: per column the latest value
/// (by note date) and, for cells that read as numbers, their sum and count. Kept small (one entry per column, not
/// per note) so a million clients stay in memory.
/// </summary>
public sealed class ClientColumns
{
    private readonly Cell[] _cells;

    /// <summary>Starts empty for the columns <paramref name="names"/> (the array every note of the file shares).</summary>
    public ClientColumns(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        Names = names;
        _cells = new Cell[names.Count];
    }

    /// <summary>The column names, in file order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The latest non-blank value of column <paramref name="column"/>, or null when every note left it blank.</summary>
    public string? Latest(int column) => _cells[column].Latest;

    /// <summary>The latest value of column <paramref name="column"/> read as a number, or null.</summary>
    public double? LatestNumber(int column) => _cells[column].LatestNumber;

    /// <summary>The mean of the values of column <paramref name="column"/> that read as numbers, or null when none does.</summary>
    public double? Mean(int column) => _cells[column].Numbers > 0 ? _cells[column].Sum / _cells[column].Numbers : null;

    /// <summary>Notes with a non-blank value in column <paramref name="column"/>.</summary>
    public int Values(int column) => _cells[column].Values;

    /// <summary>Of those, the values that read as numbers.</summary>
    public int Numbers(int column) => _cells[column].Numbers;

    /// <summary>How often the value differed from the client's previous one (an id per note changes every time).</summary>
    public int Changes(int column) => _cells[column].Changes;

    /// <summary>The index of <paramref name="name"/> in <see cref="Names"/> (ordinal, case-insensitive), or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Merges one note's values; <paramref name="isLatest"/> when the note is the client's newest so far.</summary>
    public void Add(IReadOnlyList<string> values, bool isLatest)
    {
        ArgumentNullException.ThrowIfNull(values);
        for (var c = 0; c < _cells.Length && c < values.Count; c++)
        {
            var v = values[c];
            if (string.IsNullOrEmpty(v))
            {
                continue;
            }

            ref var cell = ref _cells[c];
            double? number = ColumnValues.TryNumber(v, out var n) ? n : null;
            if (cell.Values > 0 && !string.Equals(cell.Latest, v, StringComparison.Ordinal))
            {
                cell.Changes++;
            }

            cell.Values++;
            if (number is { } x)
            {
                cell.Numbers++;
                cell.Sum += x;
            }

            if (isLatest || cell.Latest is null)
            {
                cell.Latest = v;
                cell.LatestNumber = number;
            }
        }
    }

    private struct Cell
    {
        public string? Latest;
        public double? LatestNumber;
        public double Sum;
        public int Numbers;
        public int Values;
        public int Changes;
    }
}
