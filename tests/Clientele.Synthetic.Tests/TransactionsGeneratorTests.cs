using System.Globalization;
using Clientele.Core.History;
using Clientele.Core.Ingest;

namespace Clientele.Synthetic.Tests;

public class TransactionsGeneratorTests
{
    private sealed record Output(string Notes, string Labels, string Transactions, GeneratedCounts Counts);

    private static Output Generate(GeneratorOptions options, bool transactions = true)
    {
        var notes = new StringWriter(CultureInfo.InvariantCulture);
        var labels = new StringWriter(CultureInfo.InvariantCulture);
        var history = transactions ? new StringWriter(CultureInfo.InvariantCulture) : null;
        var counts = NotesGenerator.Write(options, notes, labels, history);
        return new Output(notes.ToString(), labels.ToString(), history?.ToString() ?? "", counts);
    }

    private static (List<Transaction> Rows, IngestReport Report) Parse(string csv)
    {
        var report = new IngestReport("transactions.csv");
        var rows = TransactionsCsv.ReadAll(new StringReader(csv), "transactions.csv", report);
        return (rows, report);
    }

    private static Dictionary<string, double> PurchaseProbabilities(string labels) =>
        labels.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => double.Parse(f[4], CultureInfo.InvariantCulture));

    [Fact]
    public void Transactions_parse_with_TransactionsCsv_without_a_bad_row()
    {
        var output = Generate(new GeneratorOptions(2_000, Seed: 21));
        var (rows, report) = Parse(output.Transactions);

        Assert.Empty(report.Issues);
        Assert.Equal(output.Counts.Transactions, report.RowsRead);
        Assert.Equal(report.RowsRead, rows.Count);
        Assert.Contains(rows, t => t.Amount < 0); // a few returns
        Assert.True(rows.Count(t => t.Amount < 0) < rows.Count * 0.06, "returns stay a small share");
    }

    [Fact]
    public void Nothing_is_dated_after_the_as_of_and_the_window_is_three_years()
    {
        var options = new GeneratorOptions(3_000, Seed: 4);
        var output = Generate(options);
        var (rows, _) = Parse(output.Transactions);

        Assert.Equal(new DateOnly(2026, 12, 31), options.AsOf);
        Assert.Equal(options.AsOf, output.Counts.AsOf);
        Assert.All(rows, t => Assert.InRange(t.Date, new DateOnly(2024, 1, 1), options.AsOf));
        Assert.Equal(options.AsOf, rows.Max(t => t.Date));
        var noteDates = output.Notes.Split('\n').Skip(1).Where(l => l.StartsWith("SYN_", StringComparison.Ordinal)).Select(l => DateOnly.Parse(l.Split(',')[1], CultureInfo.InvariantCulture));
        Assert.True(noteDates.Max() <= options.AsOf);
    }

    [Fact]
    public void The_as_of_follows_the_notes_window_of_the_options()
    {
        var options = new GeneratorOptions(500, Seed: 2, Start: new DateOnly(2025, 3, 1), Days: 90);
        var (rows, _) = Parse(Generate(options).Transactions);

        Assert.Equal(new DateOnly(2025, 5, 29), options.AsOf);
        Assert.All(rows, t => Assert.InRange(t.Date, new DateOnly(2022, 5, 30), options.AsOf));
    }

    [Fact]
    public void Some_clients_appear_only_in_the_notes_and_some_only_in_the_transactions()
    {
        var output = Generate(new GeneratorOptions(1_000, Seed: 8));
        var noted = PurchaseProbabilities(output.Labels).Keys.ToHashSet();
        var buyers = Parse(output.Transactions).Rows.Select(t => t.ClientId).ToHashSet();

        var onlyNotes = noted.Except(buyers).Count();
        var onlyTransactions = buyers.Except(noted).ToList();
        Assert.Equal(output.Counts.NotesOnlyClients, onlyNotes);
        Assert.InRange(onlyNotes, 50, 300);
        Assert.Equal(100, onlyTransactions.Count);
        Assert.Equal(output.Counts.TransactionsOnlyClients, onlyTransactions.Count);
        // Same id space: they continue the noted clients' ids.
        Assert.Equal(Enumerable.Range(1_001, 100).Select(i => $"SYN_{i:D7}"), onlyTransactions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_higher_true_purchase_probability_gives_more_purchases_on_average()
    {
        var output = Generate(new GeneratorOptions(6_000, Seed: 31));
        var p = PurchaseProbabilities(output.Labels);
        var days = Parse(output.Transactions).Rows.Where(t => t.Amount > 0)
            .GroupBy(t => t.ClientId).ToDictionary(g => g.Key, g => g.Select(t => t.Date).Distinct().Count());
        double Mean(Func<double, bool> bucket) => p.Where(kv => bucket(kv.Value)).Average(kv => days.GetValueOrDefault(kv.Key));

        var low = Mean(x => x <= 0.35);
        var high = Mean(x => x >= 0.75);
        Assert.True(high > 2 * low, $"mean purchase days: p ≥ 0.75 {high:0.00}, p ≤ 0.35 {low:0.00}");
    }

    [Fact]
    public void A_higher_expected_lifetime_value_gives_larger_orders_on_average()
    {
        var output = Generate(new GeneratorOptions(6_000, Seed: 31));
        var clv = output.Labels.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => double.Parse(f[5], CultureInfo.InvariantCulture));
        var orders = Parse(output.Transactions).Rows.Where(t => t.Amount > 0 && clv.ContainsKey(t.ClientId)).ToList();

        var small = orders.Where(t => clv[t.ClientId] <= 5_000).Average(t => t.Amount);
        var large = orders.Where(t => clv[t.ClientId] >= 20_000).Average(t => t.Amount);
        Assert.True(large > 3 * small, $"mean order: E[CLV] ≥ 20k {large:N0}, ≤ 5k {small:N0}");
    }

    [Fact]
    public void The_BG_NBD_fit_on_the_generated_history_gives_finite_parameters()
    {
        var options = new GeneratorOptions(2_000, Seed: 12);
        var summary = RfmSummary.Compute(Parse(Generate(options).Transactions).Rows, options.AsOf, Period.Week);
        var model = new BgNbdOptions().Fit(summary.Rows);

        Assert.All(new[] { model.R, model.Alpha, model.A, model.B, model.LogLikelihood }, v => Assert.True(double.IsFinite(v), $"{v}"));
        Assert.All(new[] { model.R, model.Alpha, model.A, model.B }, v => Assert.True(v > 0));
        Assert.Equal(0, summary.RowsAfterAsOf);
    }

    [Fact]
    public void Same_seed_gives_byte_identical_transactions_and_another_seed_does_not()
    {
        var a = Generate(new GeneratorOptions(1_500, Seed: 5)).Transactions;
        var b = Generate(new GeneratorOptions(1_500, Seed: 5)).Transactions;
        var c = Generate(new GeneratorOptions(1_500, Seed: 6)).Transactions;

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [InlineData(300, 11)]
    [InlineData(1, 5)]
    [InlineData(2_500, 42)]
    public void Notes_and_labels_are_byte_identical_with_and_without_transactions(int clients, int seed)
    {
        var with = Generate(new GeneratorOptions(clients, Seed: seed));
        var without = Generate(new GeneratorOptions(clients, Seed: seed), transactions: false);
        var legacy = new StringWriter(CultureInfo.InvariantCulture);
        var legacyLabels = new StringWriter(CultureInfo.InvariantCulture);
        NotesGenerator.Write(new GeneratorOptions(clients, Seed: seed), legacy, legacyLabels);

        Assert.Equal(without.Notes, with.Notes);
        Assert.Equal(without.Labels, with.Labels);
        Assert.Equal(legacy.ToString(), with.Notes);
        Assert.Equal(legacyLabels.ToString(), with.Labels);
        Assert.Equal("", without.Transactions);
        Assert.Equal(0, without.Counts.Transactions);
    }

    [Fact]
    public void A_noted_clients_history_does_not_depend_on_how_many_clients_are_generated()
    {
        static string Noted(string csv) => string.Join('\n', csv.Split('\n').Where(l => string.CompareOrdinal(l, "SYN_0000201") < 0));
        var small = Generate(new GeneratorOptions(200, Seed: 9)).Transactions;
        var large = Generate(new GeneratorOptions(900, Seed: 9)).Transactions;

        Assert.Equal(Noted(small), Noted(large));
    }
}
