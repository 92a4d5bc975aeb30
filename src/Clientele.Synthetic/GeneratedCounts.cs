namespace Clientele.Synthetic;

/// <summary>What one generation wrote.</summary>
/// <param name="Clients">Noted clients (rows of labels.csv).</param>
/// <param name="Notes">Note rows.</param>
/// <param name="Transactions">Transaction rows (purchases and returns); 0 when no transactions were asked for.</param>
/// <param name="NotesOnlyClients">Noted clients without any transaction (prospects, and older clients with no purchase in the window).</param>
/// <param name="TransactionsOnlyClients">Clients with transactions and no notes (ids after the noted ones).</param>
/// <param name="AsOf">The as-of date: nothing written is dated after it.</param>
public sealed record GeneratedCounts(long Clients, long Notes, long Transactions, long NotesOnlyClients, long TransactionsOnlyClients, DateOnly AsOf);
