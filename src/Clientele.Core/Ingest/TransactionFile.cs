using Clientele.Core.History;

namespace Clientele.Core.Ingest;

/// <summary>What <see cref="TransactionsCsv.Read"/> returns: the transactions and, row for row, their extra columns.</summary>
/// <param name="Transactions">The accepted rows.</param>
/// <param name="Details">The extra columns of the same rows (row <c>i</c> is transaction <c>i</c>).</param>
public sealed record TransactionFile(List<Transaction> Transactions, TransactionDetails Details);
