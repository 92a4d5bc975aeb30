namespace Clientele.Core.History;

/// <summary>
/// One purchase (or, with a negative amount, a return) of a client on a day. <see cref="Line"/> is where it was read
/// so a later check (a conflicting order, a day after the as-of date) can point at the file.
/// </summary>
public sealed record Transaction(string ClientId, DateOnly Date, double Amount, string? OrderId = null, string? Currency = null)
{
    /// <summary>1-based line in the source file; 0 when the transaction was not read from a file.</summary>
    public long Line { get; init; }
}
