using Clientele.Core.Errors;
using Clientele.Storage.Store;
using Clientele.Workflows.Privacy;
using Clientele.Workflows.Purchases;

namespace Clientele.Workflows.Tests;

/// <summary>Transactions kept in the store (issue 12 item 6): appended from a file with the CLI's strictness, exported and erased with the client.</summary>
public sealed class StoredTransactionsTests : IDisposable
{
    private const string File1 = """
        client_id,date,amount,order_id,currency
        A,2026-01-08,1200.50,O-1,EUR
        A,2026-02-17,-200,O-2,EUR
        A,2026-02-17,-200,O-2,EUR
        B,2026-01-11,850,,EUR
        """;

    private readonly TempDirectory folder = new();

    private string Db => $"Data Source={folder.Of("store.db")}";

    [Fact]
    public void Appending_a_file_twice_counts_every_row_read_and_stores_each_purchase_once()
    {
        using var store = StoreFactory.Open(Db);

        var first = StoredTransactions.Append(store, new StringReader(File1), "tx.csv");
        var second = StoredTransactions.Append(store, new StringReader(File1), "tx.csv");

        // The repeated O-2 row is merged by the reader: read, and a duplicate of the file.
        Assert.Equal(new TransactionAppend(4, 3, 1, 2), first);
        Assert.Equal(new TransactionAppend(4, 0, 4, 2), second);
        Assert.Equal(3, store.TransactionCount());
    }

    [Fact]
    public void A_file_read_for_training_keeps_its_extra_columns_and_the_stored_ledger_has_none()
    {
        using var store = StoreFactory.Open(Db);
        const string withCategory = "client_id,date,amount,order_id,category\nA,2026-01-08,1200.50,O-1,Bags\nB,2026-01-11,850,O-2,Shoes\n";

        var file = StoredTransactions.ReadFile(new StringReader(withCategory), "tx.csv");
        StoredTransactions.Append(store, new StringReader(withCategory), "tx.csv");

        Assert.Equal(["category"], Core.History.PurchaseLedger.From(file.Transactions, file.Details).DetailNames);
        Assert.Empty(StoredTransactions.Ledger(store)!.DetailNames);
    }

    [Fact]
    public void A_bad_row_is_an_error_naming_file_line_and_column_and_nothing_is_stored()
    {
        using var store = StoreFactory.Open(Db);

        var error = Assert.Throws<ClienteleInputException>(() => StoredTransactions.Append(store,
            new StringReader("client_id,date,amount\nA,2026-01-08,100\nB,2026-01-09,lots\n"), "tx.csv"));

        Assert.StartsWith("tx.csv:3:3:", error.Message, StringComparison.Ordinal);
        Assert.Contains("none of the file was used", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, store.TransactionCount());
    }

    [Fact]
    public void An_order_stored_with_other_content_is_an_error_naming_the_line_of_the_new_file()
    {
        using var store = StoreFactory.Open(Db);
        StoredTransactions.Append(store, new StringReader(File1), "tx.csv");

        var error = Assert.Throws<ClienteleInputException>(() => StoredTransactions.Append(store,
            new StringReader("client_id,date,amount,order_id\nC,2026-03-01,5,O-9\nC,2026-03-01,99,O-1\n"), "later.csv"));

        Assert.StartsWith("later.csv:3", error.Message, StringComparison.Ordinal);
        Assert.Contains("O-1", error.Message, StringComparison.Ordinal);
        Assert.Empty(store.GetTransactions("C"));
    }

    [Fact]
    public void The_export_holds_the_client_transactions_and_a_client_known_only_by_purchases_is_exported_too()
    {
        using var store = StoreFactory.Open(Db);
        store.SaveClients([new ClientRecord("A", "Mme Laurent", null, null, 0, null)], [], []);
        StoredTransactions.Append(store, new StringReader(File1), "tx.csv");

        var a = SubjectRights.Export(store, "A", DateTimeOffset.UnixEpoch);
        var b = SubjectRights.Export(store, "B", DateTimeOffset.UnixEpoch);

        Assert.NotNull(a);
        Assert.Equal([new ExportedTransaction(new DateOnly(2026, 1, 8), 1200.5, "EUR", "O-1"), new ExportedTransaction(new DateOnly(2026, 2, 17), -200, "EUR", "O-2")],
            a.Transactions);
        Assert.NotNull(b);
        Assert.Equal(850, b.Transactions.Single().Amount);
        Assert.Null(SubjectRights.Export(store, "nobody", DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Forgetting_a_client_leaves_no_purchase_of_it_in_the_store_or_its_ledger()
    {
        using var store = StoreFactory.Open(Db);
        StoredTransactions.Append(store, new StringReader(File1), "tx.csv");

        var erasure = SubjectRights.Forget(store, "A", DateTimeOffset.UnixEpoch);

        Assert.Equal(2, erasure.Removed.Transactions);
        Assert.Null(StoredTransactions.Ledger(store)!.For("A"));
        Assert.NotNull(StoredTransactions.Ledger(store)!.For("B"));
    }

    public void Dispose() => folder.Dispose();
}
