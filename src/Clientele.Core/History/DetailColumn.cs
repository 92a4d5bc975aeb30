namespace Clientele.Core.History;

/// <summary>
/// One extra column of a ledger's transactions: its levels (values folded as the notes' categorical columns fold
/// them), how many rows have each, and how many clients have any value — what the typing of a transactions column reads.
/// </summary>
/// <param name="Name">The header name.</param>
/// <param name="Levels">Folded distinct values; a client's <see cref="DetailDays.Levels"/> index into it.</param>
/// <param name="Rows">Rows with each level.</param>
/// <param name="Clients">Clients with at least one row with a value.</param>
internal sealed record DetailColumn(string Name, string[] Levels, int[] Rows, int Clients)
{
    /// <summary>Rows with a value.</summary>
    public long RowsWithValue => Rows.Sum(r => (long)r);
}
