using Clientele.Core.Errors;
using Clientele.Core.History;
using Clientele.Core.Ingest;
using Clientele.Storage.Store;

namespace Clientele.Workflows.Purchases;

/// <summary>
/// Purchase history kept in the store: a transactions file appended (read by the same reader and with the same
/// strictness as the CLI: any rejected row is an error naming file, line and column, and nothing is stored), and
/// the stored history read back as the ledger training and scoring use.
/// </summary>
public static class StoredTransactions
{
    /// <summary>
    /// Reads every row of <paramref name="reader"/> and appends them; a bad row, a file-level problem (mixed
    /// currencies, an order id used twice) or an order the store holds with other content throws
    /// <see cref="ClienteleInputException"/> before anything is written.
    /// </summary>
    public static TransactionAppend Append(IClienteleStore store, TextReader reader, string source, TransactionsCsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (transactions, report) = Read(reader, source, options);
        try
        {
            var appended = store.AppendTransactions(transactions);

            // Rows the reader merged (an identical repeat of an order) were read too: they are duplicates of the file.
            var merged = (int)(report.RowsRead - transactions.Count);
            return appended with { Read = appended.Read + merged, Duplicates = appended.Duplicates + merged };
        }
        catch (TransactionConflictException e)
        {
            throw new ClienteleInputException(source, e.Line > 0 ? e.Line : null, null, WorkflowMessages.StoredOrderConflict(e.OrderId), e);
        }
    }

    /// <summary>Reads every row; any rejected row throws <see cref="ClienteleInputException"/> naming the first (line, column) and the count.</summary>
    public static (List<Transaction> Transactions, IngestReport Report) Read(TextReader reader, string source, TransactionsCsvOptions? options = null)
    {
        var report = new IngestReport(source);
        var transactions = TransactionsCsv.ReadAll(reader, source, report, options);
        Require(report, source);
        return (transactions, report);
    }

    /// <summary>
    /// As <see cref="Read"/>, with the file's extra columns (for a training upload: the store itself keeps none, so a
    /// model trained with them scores stored clients with zeros in the transaction column block).
    /// </summary>
    public static TransactionFile ReadFile(TextReader reader, string source, TransactionsCsvOptions? options = null)
    {
        var report = new IngestReport(source);
        var file = TransactionsCsv.Read(reader, source, report, options);
        Require(report, source);
        return file;
    }

    private static void Require(IngestReport report, string source)
    {
        if (report.Rejected > 0)
        {
            var first = report.Rejections.First();
            throw new ClienteleInputException(source, first.Line, first.Column, WorkflowMessages.BadTransactionRows(first.Reason, report.Rejected));
        }
    }

    /// <summary>Every stored transaction as a ledger; null when the store holds none (training then reads the notes alone).</summary>
    public static PurchaseLedger? Ledger(IClienteleStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var all = store.AllTransactions();
        return all.Count == 0 ? null : PurchaseLedger.From(all);
    }

    /// <summary>One client's stored purchases as a ledger of that client alone (empty when it has none).</summary>
    public static PurchaseLedger LedgerOf(IClienteleStore store, string clientId)
    {
        ArgumentNullException.ThrowIfNull(store);
        return PurchaseLedger.From(store.GetTransactions(clientId));
    }

    /// <summary>Clients of a scoring up to which their purchases are read one client at a time rather than all at once.</summary>
    private const int PerClientReads = 1_000;

    /// <summary>
    /// The stored purchases a scoring with <paramref name="bundle"/> needs: for a bundle trained with purchase history,
    /// those of <paramref name="clients"/> (every stored one for a large batch; an empty ledger when none is stored, so
    /// the clients are scored as never having bought); null for a bundle trained on notes alone, which reads none.
    /// The store keeps no extra transaction column (category, store …): a bundle trained with them reads zeros in that
    /// block for stored clients, as for a client with no purchase — score from the file to use them.
    /// </summary>
    public static PurchaseLedger? ForScoring(IClienteleStore store, Core.Bundles.ModelBundle bundle, IReadOnlyCollection<string> clients)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(clients);
        if (bundle.Featurizer.Purchases is null)
        {
            return null;
        }

        return clients.Count <= PerClientReads
            ? PurchaseLedger.From(clients.Distinct(StringComparer.Ordinal).SelectMany(store.GetTransactions).ToList())
            : PurchaseLedger.From(store.AllTransactions());
    }
}
