using Clientele.Core.History;
using Clientele.Core.Labels;
using static Clientele.Core.Tests.History.PurchaseFixture;

namespace Clientele.Core.Tests.History;

/// <summary>The outcome rules of training from transactions, on a hand-made ledger around a cutoff of 2024-06-30.</summary>
public sealed class TransactionOutcomesTests
{
    private static readonly DateOnly Cutoff = new(2024, 6, 30);

    private static readonly PurchaseWindows Windows = new(HorizonDays: 30, ChurnDays: 60, ValueDays: 90);

    private static ClientLabels Outcome(params Transaction[] transactions) =>
        TransactionOutcomes.For(PurchaseLedger.From(transactions).For(transactions[0].ClientId), Cutoff, Windows);

    [Fact]
    public void A_purchase_on_the_last_day_of_the_horizon_counts_and_one_on_the_cutoff_day_does_not()
    {
        Assert.True(Outcome(Tx("a", "2024-01-05", 10), Tx("a", "2024-07-30", 20)).Purchased);
        Assert.False(Outcome(Tx("a", "2024-01-05", 10), Tx("a", "2024-06-30", 20), Tx("a", "2024-07-31", 5)).Purchased);
    }

    [Fact]
    public void Churn_is_labelled_only_for_clients_who_had_bought_by_the_cutoff()
    {
        Assert.Null(Outcome(Tx("new", "2024-07-10", 50)).Churned);
        Assert.True(Outcome(Tx("lost", "2024-02-01", 50), Tx("lost", "2024-08-30", 50)).Churned);
        Assert.False(Outcome(Tx("kept", "2024-02-01", 50), Tx("kept", "2024-08-29", 50)).Churned);
    }

    [Fact]
    public void A_client_whose_only_day_before_the_cutoff_is_a_return_is_no_churn_example()
    {
        Assert.Null(Outcome(Tx("r", "2024-03-01", -40), Tx("r", "2024-09-01", 40)).Churned);
    }

    [Fact]
    public void Lifetime_value_is_the_net_spend_inside_the_value_window_only()
    {
        var labels = Outcome(Tx("v", "2024-06-30", 1000), Tx("v", "2024-07-01", 100), Tx("v", "2024-08-01", -30), Tx("v", "2024-09-28", 7), Tx("v", "2024-09-29", 500));
        Assert.Equal(77, labels.LifetimeValue!.Value, 9);
    }

    [Fact]
    public void A_client_without_transactions_did_not_buy_spent_nothing_and_is_no_churn_example()
    {
        var labels = TransactionOutcomes.For(null, Cutoff, Windows);
        Assert.Equal((false, (bool?)null, 0.0), (labels.Purchased!.Value, labels.Churned, labels.LifetimeValue!.Value));
    }

    [Fact]
    public void A_labels_file_wins_for_the_targets_it_has_and_the_rest_stay_derived()
    {
        var ledger = PurchaseLedger.From([Tx("a", "2024-01-05", 10), Tx("a", "2024-07-05", 20)]);
        var derived = TransactionOutcomes.Derive(ledger, ["a"], Cutoff, Windows);
        var file = new LabelSet("labels.csv", new Dictionary<string, ClientLabels> { ["a"] = new(false, null, null) });
        var merged = TransactionOutcomes.Overlay(derived, file).For("a")!;
        Assert.Equal((false, (bool?)false, 20.0), (merged.Purchased!.Value, merged.Churned, merged.LifetimeValue!.Value));
    }

    [Fact]
    public void The_cutoff_is_the_as_of_date_minus_the_longest_window()
    {
        Assert.Equal(new DateOnly(2024, 4, 1), Windows.Cutoff(new DateOnly(2024, 6, 30)));
    }
}
