using Clientele.Core.Ingest;
using Clientele.Core.Labels;

namespace Clientele.Core.Tests.Labels;

public class LabelsTests
{
    [Fact]
    public void Smart_labels_are_deterministic_and_independent_of_client_order()
    {
        var lexicon = TestData.Lexicon();
        var profiles = TestData.Profiles(300, lexicon: lexicon);
        var a = SmartLabeler.Label(profiles, lexicon, 42);
        var b = SmartLabeler.Label(profiles.Reverse().ToList(), lexicon, 42);
        var c = SmartLabeler.Label(profiles, lexicon, 43);
        Assert.All(profiles, p => Assert.Equal(a.For(p.ClientId), b.For(p.ClientId)));
        Assert.Contains(profiles, p => a.For(p.ClientId) != c.For(p.ClientId));
    }

    [Fact]
    public void Smart_label_probability_follows_the_documented_rule()
    {
        var lexicon = TestData.Lexicon();
        var profiles = Core.Profiles.ProfileBuilder.FromNotes(Core.Concepts.ConceptMatcher.Build(lexicon),
            TestData.NotesCsv("ID,Transcription\nRICH,no budget limit exclusive birthday gift looking for urgent\nPOOR,hesitant discount\n"));
        var labels = SmartLabeler.Label(profiles, lexicon, 1);
        Assert.InRange(labels.For("RICH")!.TruePurchaseProbability!.Value, 0.80, 0.95);
        Assert.InRange(labels.For("POOR")!.TruePurchaseProbability!.Value, 0.05, 0.25);
        Assert.Equal(3000 + 25000 + 12000 + 5000, labels.For("RICH")!.ExpectedLifetimeValue);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("1.0", true)]
    [InlineData("yes", true)]
    [InlineData("TRUE", true)]
    [InlineData("0", false)]
    [InlineData("no", false)]
    public void Binary_label_spellings_are_accepted(string value, bool expected)
    {
        var set = LabelsCsv.Read(new StringReader($"client_id,purchased\nA,{value}\n"), "l.csv", new IngestReport("l.csv"));
        Assert.Equal(expected, set.For("A")!.Purchased);
    }

    [Theory]
    [InlineData("client_id,purchased,lifetime_value\nA,maybe,10\nB,1,10\n", 2)]
    [InlineData("client_id,purchased,lifetime_value\nA,1,-5\nB,1,10\n", 3)]
    [InlineData("client_id,purchased,lifetime_value\nA,1,NaN\nB,1,10\n", 3)]
    public void Bad_label_cells_reject_the_row_with_its_column(string csv, int column)
    {
        var report = new IngestReport("l.csv");
        var set = LabelsCsv.Read(new StringReader(csv), "l.csv", report, RowAllowance.Rows(1));
        Assert.Null(set.For("A"));
        Assert.NotNull(set.For("B"));
        Assert.Equal(column, Assert.Single(report.Issues).Column);
    }

    [Fact]
    public void Missing_target_columns_mean_that_target_is_not_trained()
    {
        var set = LabelsCsv.Read(new StringReader("client_id,churned\nA,1\nB,0\n"), "l.csv", new IngestReport("l.csv"));
        Assert.Equal([Target.Churned], set.Targets());
    }

    [Fact]
    public void Stratified_split_keeps_the_class_balance_and_is_seeded()
    {
        var rows = Enumerable.Range(0, 1000).Select(i => ($"C{i}", Target.Purchased, i % 4 == 0 ? 1.0 : 0.0)).ToList();
        var split = HoldoutSplit.Stratified(rows, 42);
        var test = rows.Where(r => split.IsTest(Target.Purchased, r.Item1)).ToList();
        Assert.Equal(200, test.Count);
        Assert.Equal(50, test.Count(r => r.Item3 == 1));
        var again = HoldoutSplit.Stratified(Enumerable.Reverse(rows), 42);
        Assert.All(rows, r => Assert.Equal(split.IsTest(Target.Purchased, r.Item1), again.IsTest(Target.Purchased, r.Item1)));
    }

    [Fact]
    public void Holdout_file_rows_apply_per_target_or_to_all()
    {
        var split = HoldoutSplit.Read(new StringReader("client_id,target,set\nA,purchased,test\nB,churned,test\n"), "h.csv", new IngestReport("h.csv"));
        Assert.True(split.IsTest(Target.Purchased, "A"));
        Assert.False(split.IsTest(Target.Churned, "A"));
        var all = HoldoutSplit.Read(new StringReader("client_id,set\nA,test\n"), "h.csv", new IngestReport("h.csv"));
        Assert.True(all.IsTest(Target.LifetimeValue, "A"));
    }
}
