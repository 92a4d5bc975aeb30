namespace Clientele.Core.Columns;

/// <summary>How a client's merged cells read as a column's type: shared by the column block, level fitting and the leakage guard.</summary>
internal static class ColumnEncoding
{
    /// <summary>The latest value as a date, or null.</summary>
    public static DateOnly? Date(ClientColumns cols, int column) =>
        cols.Latest(column) is { } v && ColumnValues.TryDate(v, out var d) ? d : null;

    /// <summary>The latest value folded as a categorical level, or null.</summary>
    public static string? Level(ClientColumns cols, int column) =>
        cols.Latest(column) is { } v ? ColumnValues.Category(v) : null;
}
