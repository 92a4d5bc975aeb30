namespace Clientele.Storage.Store;

/// <summary>
/// What appending transactions did: rows given, rows the store did not hold yet (written), rows it already held
/// (an order id already stored with the same content, or a (client, date, amount) it already holds as many times),
/// and the distinct clients of the rows given.
/// </summary>
public sealed record TransactionAppend(int Read, int New, int Duplicates, int Clients);
