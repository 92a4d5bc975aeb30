namespace Clientele.Storage.Store;

/// <summary>
/// An order id the store already holds with a different client, date, amount or currency: appending it would make
/// one order two purchases, so nothing of the batch is written.
/// </summary>
public sealed class TransactionConflictException : Exception
{
    /// <summary>Names the order and the line of the batch that disagrees with what the store holds.</summary>
    public TransactionConflictException(string orderId, long line)
        : base($"order '{orderId}' is already stored with a different client, date, amount or currency")
    {
        OrderId = orderId;
        Line = line;
    }

    /// <summary>The conflicting order id.</summary>
    public string OrderId { get; }

    /// <summary>The 1-based line of the conflicting row in its file (0 when not read from a file).</summary>
    public long Line { get; }
}
