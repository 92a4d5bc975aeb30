using Clientele.Core.History;
using Clientele.Storage.Store;
using Clientele.Storage.Tests.Infrastructure;

namespace Clientele.Storage.Tests;

public abstract partial class StoreContract
{
    private static readonly Transaction[] Purchases =
    [
        new("A", Sample.Day, 1200.5, "O-1", "EUR") { Line = 2 },
        new("A", Sample.Day.AddDays(40), -200, "O-2", "EUR") { Line = 3 },
        new("B", Sample.Day.AddDays(3), 850, null, "EUR") { Line = 4 },
        // The same purchase twice on one day, without an order id: two scarves, both kept.
        new("B", Sample.Day.AddDays(3), 850, null, "EUR") { Line = 5 },
    ];

    [StoreFact]
    public void Posting_the_same_transactions_twice_adds_nothing_the_second_time_and_says_so()
    {
        Assert.Equal(new TransactionAppend(4, 4, 0, 2), Store.AppendTransactions(Purchases));
        Assert.Equal(new TransactionAppend(4, 0, 4, 2), Store.AppendTransactions(Purchases));

        Assert.Equal(4, Store.TransactionCount());
        Assert.Equal([850.0, 850.0], Store.GetTransactions("B").Select(t => t.Amount));
    }

    [StoreFact]
    public void A_later_file_with_old_and_new_rows_appends_only_the_new_ones()
    {
        Store.AppendTransactions(Purchases[..3]);

        var later = Store.AppendTransactions([.. Purchases, new Transaction("C", Sample.Day.AddDays(50), 90, "O-3", null)]);

        Assert.Equal(new TransactionAppend(5, 2, 3, 3), later);
        Assert.Equal(5, Store.AllTransactions().Count);
        Assert.Equal(["O-1", "O-2", null, null, "O-3"], Store.AllTransactions().Select(t => t.OrderId));
    }

    [StoreFact]
    public void A_client_known_only_from_purchases_is_a_client_with_no_notes_and_an_unknown_id_is_not()
    {
        Store.AppendTransactions([Purchases[2]]);

        var b = Store.GetClient("B");

        Assert.Equal(new ClientRecord("B", string.Empty, null, null, 0, null), b);
        Assert.Null(Store.GetClient("nobody"));
    }

    [StoreFact]
    public void Transactions_read_back_oldest_first_with_date_amount_order_and_currency()
    {
        Store.AppendTransactions([Purchases[1], Purchases[0]]);

        var a = Store.GetTransactions("A");

        Assert.Equal([Purchases[0] with { Line = 0 }, Purchases[1] with { Line = 0 }], a);
        Assert.Empty(Store.GetTransactions("nobody"));
    }

    [StoreFact]
    public void An_order_id_already_stored_with_other_content_is_refused_and_nothing_of_the_batch_is_written()
    {
        Store.AppendTransactions([Purchases[0]]);

        var conflict = new Transaction("B", Sample.Day, 1200.5, "O-1", "EUR") { Line = 7 };
        var error = Assert.Throws<TransactionConflictException>(() => Store.AppendTransactions([Purchases[2], conflict]));

        Assert.Equal("O-1", error.OrderId);
        Assert.Equal(7, error.Line);
        Assert.Equal(1, Store.TransactionCount());
        Assert.Empty(Store.GetTransactions("B"));
    }

    [StoreFact]
    public void Transaction_amounts_written_under_a_data_key_need_the_key_and_rotation_re_seals_them()
    {
        Store.AppendTransactions([Purchases[2]]);
        Keyed(NewStore(), KeyA).AppendTransactions([Purchases[0]]);

        Assert.Throws<InvalidOperationException>(() => Store.GetTransactions("A"));
        var both = Keyed(NewStore(), KeyA + "\n" + KeyB);
        Assert.Equal(2, both.RotateDataKey());
        Assert.Equal(0, both.RotateDataKey());

        var onlyB = Keyed(NewStore(), KeyB);
        Assert.Equal(1200.5, onlyB.GetTransactions("A").Single().Amount);
        Assert.Equal(850, onlyB.GetTransactions("B").Single().Amount);
        // Idempotence holds under encryption too: the sealed rows are compared opened.
        Assert.Equal(0, onlyB.AppendTransactions([Purchases[0], Purchases[2]]).New);
    }

    [StoreFact]
    public void Forgetting_a_client_removes_its_transactions_and_leaves_the_others()
    {
        Store.SaveClients(Sample.Client("A"));
        Store.AppendTransactions(Purchases);

        var erased = Store.ForgetClient("A", Sample.T0);

        Assert.Equal(2, erased.Transactions);
        Assert.Empty(Store.GetTransactions("A"));
        Assert.Equal(2, Store.GetTransactions("B").Count);
    }

    [StoreFact]
    public void Forgetting_a_client_known_only_by_its_purchases_is_an_erasure_that_found_it()
    {
        Store.AppendTransactions([Purchases[2]]);

        var erased = Store.ForgetClient("B", Sample.T0);

        Assert.True(erased.Found);
        Assert.Equal(1, erased.Transactions);
        Assert.Equal(0, Store.TransactionCount());
    }
}
