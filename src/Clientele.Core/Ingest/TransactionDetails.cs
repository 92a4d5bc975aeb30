namespace Clientele.Core.Ingest;

/// <summary>
/// The extra columns of a transactions file (product, category, store, advisor, quantity …), kept beside the
/// transactions rather than on them: each column holds its distinct values once (one string per value, however many
/// rows repeat it) and one index per accepted row, so 9.5M rows cost an int per row and column, not a string.
/// Row <c>i</c> belongs to transaction <c>i</c> of the list read with it.
/// </summary>
public sealed class TransactionDetails
{
    private readonly List<string>[] _values;
    private readonly Dictionary<string, int>[] _index;
    private readonly List<int>[] _rows;
    private int _count;

    /// <summary>Columns named <paramref name="names"/>, no row yet.</summary>
    public TransactionDetails(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        Names = names.ToArray();
        _values = Names.Select(_ => new List<string>()).ToArray();
        _index = Names.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        _rows = Names.Select(_ => new List<int>()).ToArray();
    }

    /// <summary>An instance with no column, for a file that has none.</summary>
    public static TransactionDetails None { get; } = new([]);

    /// <summary>The header names of the extra columns, in file order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Rows held (the transactions read with them).</summary>
    public int RowCount => _count;

    /// <summary>The trimmed value of <paramref name="column"/> on row <paramref name="row"/>; null when blank. Equal values are one instance.</summary>
    public string? Value(int column, int row) => Level(column, row) is var l and >= 0 ? _values[column][l] : null;

    /// <summary>The distinct values of <paramref name="column"/>, in order of first appearance.</summary>
    internal IReadOnlyList<string> Values(int column) => _values[column];

    /// <summary>The index in <see cref="Values"/> of row <paramref name="row"/>'s value, or -1 when blank.</summary>
    internal int Level(int column, int row) => _rows[column][row];

    /// <summary>Appends the trimmed cell <paramref name="value"/> (empty: blank) of <paramref name="column"/> to the row being read.</summary>
    internal void Add(int column, ReadOnlySpan<char> value) => _rows[column].Add(Intern(column, value));

    /// <summary>Ends the row being read (every column was added once).</summary>
    internal void EndRow() => _count++;

    private int Intern(int column, ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return -1;
        }

        var lookup = _index[column].GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(value, out var level))
        {
            var text = value.ToString();
            level = _values[column].Count;
            _values[column].Add(text);
            _index[column].Add(text, level);
        }

        return level;
    }
}
