using Clientele.Core.Text;

namespace Clientele.Core.Facts;

/// <summary>
/// One per-language word table of the fact extractor (Facts/Resources/*.tsv, format in Facts/Resources/README.md):
/// rows of a language code, a pattern or literal text, then table-specific columns, in priority order.
/// </summary>
internal sealed class FactTable
{
    private readonly IReadOnlyList<string[]> _rows;

    private FactTable(IReadOnlyList<string[]> rows) => _rows = rows;

    /// <summary>The table embedded as <c>Facts/Resources/{name}.tsv</c>.</summary>
    public static FactTable Load(string name) => new(EmbeddedTable.Read($"Clientele.Core.Facts.{name}.tsv"));

    /// <summary>The second column (pattern or text) of every row, in file order.</summary>
    public IReadOnlyList<string> Terms => Where(_ => true);

    /// <summary>The second column of the rows whose column <paramref name="column"/> equals <paramref name="value"/> (missing reads as "").</summary>
    public IReadOnlyList<string> TermsWhere(int column, string value) => Where(row => Column(row, column) == value);

    /// <summary>Every row's columns, in file order.</summary>
    public IReadOnlyList<string[]> Rows => _rows;

    /// <summary>The rows' patterns as one alternation (no group around it), in priority order.</summary>
    public string Alternation() => string.Join('|', Terms);

    /// <summary>Column <paramref name="column"/> of <paramref name="row"/>, "" when the row is shorter.</summary>
    public static string Column(string[] row, int column) => column < row.Length ? row[column] : string.Empty;

    private List<string> Where(Func<string[], bool> keep) => _rows.Where(keep).Select(row => row[1]).ToList();
}
