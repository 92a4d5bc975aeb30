using Clientele.Core.Features;
using Clientele.Core.History;
using Clientele.Core.Profiles;
using static Clientele.Core.Tests.History.PurchaseFixture;

namespace Clientele.Core.Tests.History;

/// <summary>The purchase block of the featurizer: only data up to the as-of date, the saved BTYD parameters reused.</summary>
public sealed class PurchaseFeaturesTests
{
    private static readonly DateOnly Cutoff = Start.AddDays(500);

    private static readonly PurchaseWindows Windows = new(30, 91, 91);

    private static Featurizer Featurizer(PurchaseLedger ledger, DateOnly fittedAt) =>
        FeaturizerOptions.Elite.Fit([new ClientProfile("x")], TestLexicon.Create(), fittedAt).WithPurchases(BtydState.Fit(ledger, fittedAt, Windows));

    private static float[] Row(Featurizer featurizer, PurchaseLedger ledger, string client, DateOnly asOf) =>
        FeatureMatrix.Build(featurizer, [new ClientProfile(client)], ledger, asOf)[0];

    [Fact]
    public void Transactions_after_the_cutoff_change_neither_the_fitted_parameters_nor_any_feature()
    {
        var past = Simulate(400, 500, seed: 3);
        var later = Simulate(400, 900, seed: 4).Where(t => t.Date > Cutoff).ToList();
        Assert.NotEmpty(later);
        var cut = PurchaseLedger.From(past);
        var full = PurchaseLedger.From([.. past, .. later]);
        var a = Featurizer(cut, Cutoff);
        var b = Featurizer(full, Cutoff);
        Assert.Equal((a.Purchases!.BgNbd.R, a.Purchases.BgNbd.Alpha, a.Purchases.BgNbd.A, a.Purchases.BgNbd.B),
            (b.Purchases!.BgNbd.R, b.Purchases.BgNbd.Alpha, b.Purchases.BgNbd.A, b.Purchases.BgNbd.B));
        var changed = 0;
        foreach (var id in cut.ClientIds)
        {
            Assert.Equal(Row(a, cut, id, Cutoff), Row(b, full, id, Cutoff));
            changed += full.For(id)!.DayCount != cut.For(id)!.DayCount ? 1 : 0;
        }

        Assert.True(changed > 0, "no client of the fixture bought after the cutoff: the test would prove nothing");
    }

    [Fact]
    public void A_clients_row_is_the_same_alone_in_a_batch_and_after_the_featurizer_is_saved_and_loaded()
    {
        var ledger = PurchaseLedger.From(Simulate(300, 700, seed: 5));
        var featurizer = Featurizer(ledger, Cutoff);
        var asOf = Start.AddDays(700);
        var batch = FeatureMatrix.Build(featurizer, ledger.ClientIds.Select(id => new ClientProfile(id)).ToList(), ledger, asOf);
        var bytes = new MemoryStream();
        featurizer.Save(bytes);
        var loaded = Core.Features.Featurizer.Load(new MemoryStream(bytes.ToArray()), featurizer.Lexicon);
        for (var i = 0; i < ledger.ClientIds.Count; i += 37)
        {
            var id = ledger.ClientIds[i];
            Assert.Equal(batch[i], Row(featurizer, ledger, id, asOf));
            Assert.Equal(batch[i], Row(loaded, ledger, id, asOf));
        }
    }

    [Fact]
    public void The_purchase_block_reads_rfm_gaps_and_flags_a_client_without_purchases()
    {
        var ledger = PurchaseLedger.From([Tx("a", "2024-01-01", 100), Tx("a", "2024-01-11", 50), Tx("a", "2024-01-11", 10), Tx("a", "2024-01-31", 30),
            Tx("b", "2023-06-01", 20), Tx("b", "2023-07-01", 25)]);
        var featurizer = FeaturizerOptions.Fast.Fit([new ClientProfile("x")], TestLexicon.Create()).WithPurchases(BtydState.Fit(ledger, new DateOnly(2024, 2, 1), Windows));
        var names = featurizer.Features.Select(f => f.Name).ToList();
        float Value(float[] row, string name) => row[names.IndexOf("purchase:" + name)];
        var a = Row(featurizer, ledger, "a", new DateOnly(2024, 2, 10));
        Assert.Equal((2f, 30f, 40f, 10f, 45f, 15f, 5f), (Value(a, "frequency"), Value(a, "recency_days"), Value(a, "age_days"), Value(a, "days_since_last"),
            Value(a, "monetary_value"), Value(a, "mean_gap_days"), Value(a, "sd_gap_days")));
        Assert.Equal(0f, Value(a, "no_purchase"));
        var none = Row(featurizer, ledger, "nobody", new DateOnly(2024, 2, 10));
        Assert.Equal(1f, Value(none, "no_purchase"));
        Assert.All(names.Where(n => n.StartsWith("purchase:", StringComparison.Ordinal) && n != "purchase:no_purchase"), n => Assert.Equal(0f, none[names.IndexOf(n)]));
    }

    [Fact]
    public void A_featurizer_without_transactions_has_no_purchase_columns_and_saves_no_purchase_state()
    {
        var featurizer = FeaturizerOptions.Fast.Fit([new ClientProfile("x")], TestLexicon.Create());
        Assert.DoesNotContain(featurizer.Features, f => f.Kind == FeatureKind.Purchase);
        var bytes = new MemoryStream();
        featurizer.Save(bytes);
        Assert.DoesNotContain("purchases", System.Text.Encoding.UTF8.GetString(bytes.ToArray()), StringComparison.Ordinal);
    }
}
