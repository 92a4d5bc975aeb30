using System.Globalization;
using System.Text;
using Clientele.Core.Bundles;
using Clientele.Core.Columns;
using Clientele.Core.Evaluation;
using Clientele.Core.Features;
using Clientele.Core.History;
using Clientele.Core.Ingest;
using Clientele.Core.Labels;
using Clientele.Core.Profiles;
using Clientele.Core.Scoring;
using Clientele.Core.Training;

namespace Clientele.Core.Tests.History;

/// <summary>
/// Issue 13 "every column is a candidate feature", the transactions part: the extra columns of a transactions file
/// are read beside the transactions (one string per distinct value), typed (identifiers and numbers left out), and
/// the categorical ones become per-client shares of purchase days per fitted level.
/// </summary>
public sealed class TransactionColumnsTests
{
    private static readonly DateOnly AsOf = new(2026, 12, 31);

    private static TransactionFile Read(string csv) => TransactionsCsv.Read(new StringReader(csv), "tx.csv", new IngestReport("tx.csv"));

    [Fact]
    public void Two_rows_with_the_same_value_share_one_string_instance()
    {
        var file = Read("client_id,date,amount,category\nA,2026-01-02,10,Leather goods\nB,2026-01-03,20,Leather goods\nC,2026-01-04,5,\n");
        var c = file.Details.Names.ToList().IndexOf("category");
        Assert.Equal("Leather goods", file.Details.Value(c, 0));
        Assert.True(ReferenceEquals(file.Details.Value(c, 0), file.Details.Value(c, 1)));
        Assert.Null(file.Details.Value(c, 2));
    }

    [Fact]
    public void Every_column_but_the_read_ones_is_kept_and_rows_match_the_transactions()
    {
        var file = Read("client_id,date,amount,order_id,currency,category,line_id,quantity\nA,2026-01-02,10,O1,EUR,bags,L1,1\nB,bad-date,20,O2,EUR,bags,L2,2\nB,2026-01-03,20,O3,EUR,shoes,L3,2\n");
        Assert.Equal(["category", "line_id", "quantity"], file.Details.Names);
        Assert.Equal(file.Transactions.Count, file.Details.RowCount);
        Assert.Equal("shoes", file.Details.Value(0, 1));
    }

    [Fact]
    public void An_identifier_like_column_and_a_number_are_not_features_and_a_category_is()
    {
        var (file, _) = Generate(300, seed: 1);
        var schema = TransactionColumnFitter.Fit(PurchaseLedger.From(file.Transactions, file.Details), _ => true, AsOf)!;
        var byName = schema.Columns.ToDictionary(c => c.Name);
        Assert.Equal(ColumnExclusion.Identifier, byName["line_id"].Exclusion);
        Assert.Equal(ColumnExclusion.Numeric, byName["quantity"].Exclusion);
        Assert.True(byName["category"].Used);
        Assert.Contains("leather goods", byName["category"].Levels);
        Assert.Equal(["category"], schema.Used.Select(c => c.Name));
    }

    [Fact]
    public void Shares_are_of_purchase_days_as_of_the_reference_date_and_breadth_counts_levels()
    {
        var file = Read("client_id,date,amount,category\n" + string.Concat(Enumerable.Range(0, 40).Select(i =>
            $"C{i},2026-01-02,10,bags\nC{i},2026-01-02,10,shoes\nC{i},2026-02-02,10,bags\nC{i},2026-03-02,-10,shoes\nC{i},2027-01-05,10,scarves\n")));
        var ledger = PurchaseLedger.From(file.Transactions, file.Details);
        var schema = TransactionColumnFitter.Fit(ledger, _ => true, AsOf)!;
        var featurizer = FeaturizerOptions.Fast.Fit([new ClientProfile("x")], TestLexicon.Create(), AsOf)
            .WithPurchases(BtydState.Fit(ledger, AsOf, new PurchaseWindows())).WithPurchaseColumns(schema);
        var row = FeatureMatrix.Build(featurizer, [new ClientProfile("C0")], ledger, AsOf)[0];
        float Value(string name) => row[featurizer.Features.Select(f => f.Name).ToList().IndexOf(name)];

        // Two purchase days up to the as-of date: bags on both, shoes on one (the return is not a purchase; the 2027 scarves are later).
        Assert.Equal(2, Value("purchase_column:category:breadth"));
        Assert.Equal(1, Value("purchase_column:category=bags"));
        Assert.Equal(0.5f, Value("purchase_column:category=shoes"));
        Assert.Equal(0, Value("purchase_column:category:other"));
    }

    [Fact]
    public void A_category_that_drives_the_outcome_raises_the_auc_and_appears_in_the_reasons()
    {
        var (file, labels) = Generate(800, seed: 2);
        var withColumns = Train(PurchaseLedger.From(file.Transactions, file.Details), labels);
        var without = Train(PurchaseLedger.From(file.Transactions), labels);
        var aucWith = withColumns.Report.Targets[Target.Purchased].Metrics.Auc!.Value;
        var aucWithout = without.Report.Targets[Target.Purchased].Metrics.Auc!.Value;
        Assert.True(aucWith > aucWithout + 0.05, $"AUC with the category {aucWith:F3}, without {aucWithout:F3}");

        var ledger = PurchaseLedger.From(file.Transactions, file.Details);
        var bundle = ModelBundle.FromTraining(withColumns, 7, "test", ReportJson.Build(withColumns.Report), DateTimeOffset.UnixEpoch);
        var scores = new Scorer(bundle).Score(ledger.ClientIds.Take(200).Select(id => new ClientProfile(id)).ToList(), ledger, AsOf);
        Assert.Contains(scores, s => s.Reasons.Contains("category: leather goods", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_model_with_transaction_columns_scores_purchases_read_without_them_with_zeros()
    {
        var (file, labels) = Generate(300, seed: 3);
        var trained = Train(PurchaseLedger.From(file.Transactions, file.Details), labels);
        Assert.NotNull(trained.Featurizer.PurchaseColumns);
        var stored = PurchaseLedger.From(file.Transactions);
        var rows = FeatureMatrix.Build(trained.Featurizer, [new ClientProfile(stored.ClientIds[0])], stored, AsOf);
        var block = trained.Featurizer.Features.Select((f, i) => (f, i)).Where(x => x.f.Name.StartsWith("purchase_column:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(block);
        Assert.All(block, x => Assert.Equal(0, rows[0][x.i]));
    }

    [Fact]
    public void A_featurizer_of_format_3_loads_without_the_block_and_a_newer_one_is_refused()
    {
        var (file, labels) = Generate(300, seed: 4);
        var trained = Train(PurchaseLedger.From(file.Transactions), labels);
        var bytes = new MemoryStream();
        trained.Featurizer.Save(bytes);
        var v3 = Encoding.UTF8.GetString(bytes.ToArray()).Replace("\"format_version\":4", "\"format_version\":3", StringComparison.Ordinal);
        Assert.Contains("\"format_version\":3", v3, StringComparison.Ordinal);
        var loaded = Featurizer.Load(new MemoryStream(Encoding.UTF8.GetBytes(v3)), trained.Featurizer.Lexicon);
        Assert.Null(loaded.PurchaseColumns);
        Assert.Equal(trained.Featurizer.Features.Select(f => f.Name), loaded.Features.Select(f => f.Name));
        var v5 = v3.Replace("\"format_version\":3", "\"format_version\":5", StringComparison.Ordinal);
        Assert.Throws<Errors.ClienteleInputException>(() => Featurizer.Load(new MemoryStream(Encoding.UTF8.GetBytes(v5)), trained.Featurizer.Lexicon));
    }

    private static TrainedModel Train(PurchaseLedger ledger, LabelSet labels)
    {
        var cutoff = AsOf;
        var profiles = ledger.ClientIds.Select(id => new ClientProfile(id)).ToList();
        return Trainer.Train(profiles, TestLexicon.Create(), labels, null, new TrainingOptions { Tier = Tier.Fast, Seed = 7, AsOf = cutoff },
            new PurchaseTraining(ledger, BtydState.Fit(ledger, cutoff, new PurchaseWindows())));
    }

    /// <summary>
    /// Clients whose purchases (two years before the as-of date, same spend law for all) are mostly leather goods for
    /// half of them: those are the ones who buy again (label), so only the category tells them apart.
    /// </summary>
    internal static (TransactionFile File, LabelSet Labels) Generate(int clients, int seed)
    {
        var rng = new Random(seed);
        string[] others = ["ready-to-wear", "jewellery", "fragrance"];
        var tx = new StringBuilder("client_id,date,amount,order_id,category,line_id,quantity\n");
        var labels = new StringBuilder("client_id,purchased\n");
        var line = 0;
        for (var c = 0; c < clients; c++)
        {
            var id = "C" + c.ToString("0000", CultureInfo.InvariantCulture);
            var leather = rng.NextDouble() < 0.5;
            var n = rng.Next(2, 6);
            for (var p = 0; p < n; p++)
            {
                var date = AsOf.AddDays(-rng.Next(1, 730)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var category = rng.NextDouble() < (leather ? 0.8 : 0.1) ? "Leather Goods" : others[rng.Next(others.Length)];
                var amount = Math.Round(200 + (rng.NextDouble() * 800), 2).ToString(CultureInfo.InvariantCulture);
                tx.Append(CultureInfo.InvariantCulture, $"{id},{date},{amount},{id}-{p},{category},L{line++},{rng.Next(1, 4)}\n");
            }

            labels.Append(CultureInfo.InvariantCulture, $"{id},{(rng.NextDouble() < (leather ? 0.85 : 0.15) ? 1 : 0)}\n");
        }

        var file = Read(tx.ToString());
        return (file, LabelsCsv.Read(new StringReader(labels.ToString()), "labels.csv", new IngestReport("labels.csv")));
    }
}
