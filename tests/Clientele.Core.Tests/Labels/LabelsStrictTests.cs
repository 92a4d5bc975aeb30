using Clientele.Core.Errors;
using Clientele.Core.Ingest;
using Clientele.Core.Labels;

namespace Clientele.Core.Tests.Labels;

/// <summary>Issue 14, item 2: a labels file never loses a target silently, and too few labels are said with counts.</summary>
public class LabelsStrictTests
{
    private static LabelSet Read(string csv, RowAllowance? allowance = null) =>
        LabelsCsv.Read(new StringReader(csv), "l.csv", new IngestReport("l.csv"), allowance);

    private static string Rows(int positives, int negatives) =>
        "client_id,purchased\n" + string.Concat(Enumerable.Range(0, positives + negatives).Select(i => $"C{i},{(i < positives ? 1 : 0)}\n"));

    private static IEnumerable<string> Ids(int n) => Enumerable.Range(0, n).Select(i => $"C{i}");

    [Fact]
    public void Unknown_label_column_is_an_error_naming_it_and_the_accepted_names()
    {
        var e = Assert.Throws<ClienteleInputException>(() => Read("client_id,purchsed,churned\nA,1,0\n"));
        Assert.Equal(1, e.Line);
        Assert.Equal(2, e.Column);
        Assert.Contains("[purchsed]", e.Message);
        Assert.Contains("purchased", e.Message.Split("accepted")[1]);
        Assert.Contains("lifetime_value", e.Message);
    }

    [Fact]
    public void Labels_file_with_no_usable_target_is_an_error()
    {
        var e = Assert.Throws<ClienteleInputException>(() => Read("client_id,purchased,churned\nA,,\nB,,\n"));
        Assert.Contains("no usable target", e.Message);
    }

    [Fact]
    public void Rejected_label_rows_are_an_error_unless_allowed()
    {
        const string csv = "client_id,purchased\nA,maybe\nB,1\n";
        var e = Assert.Throws<ClienteleInputException>(() => Read(csv));
        Assert.Contains("line 2 column 2", e.Message);
        Assert.NotNull(Read(csv, RowAllowance.Rows(1)).For("B"));
    }

    [Fact]
    public void Too_few_labelled_clients_is_refused_with_the_counts()
    {
        var result = LabelSufficiency.Check(Read(Rows(20, 20)), Ids(40), allowSmall: false);
        Assert.False(result.Sufficient);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("40 clients with a label (at least 50 needed)", problem);
        Assert.Contains("--allow-small", problem);
    }

    [Fact]
    public void Too_few_of_the_rarer_class_is_refused_with_the_counts()
    {
        var problem = Assert.Single(LabelSufficiency.Check(Read(Rows(9, 91)), Ids(100), false).Problems);
        Assert.Contains("9 in the rarer class (at least 10 needed)", problem);
    }

    [Fact]
    public void Allow_small_accepts_few_labels_and_still_gives_the_counts()
    {
        var result = LabelSufficiency.Check(Read(Rows(3, 4)), Ids(7), allowSmall: true);
        Assert.True(result.Sufficient);
        Assert.Equal(new LabelCounts(Target.Purchased, 7, 3, 4), result.Counts[0]);
    }

    [Fact]
    public void Enough_labels_pass_and_only_the_notes_clients_count()
    {
        var labels = Read(Rows(30, 70));
        Assert.True(LabelSufficiency.Check(labels, Ids(100), false).Sufficient);
        Assert.False(LabelSufficiency.Check(labels, Ids(45), false).Sufficient);
    }

    [Fact]
    public void Labels_that_match_no_client_are_an_error_even_when_small_is_allowed()
    {
        var e = Assert.Throws<ClienteleInputException>(() => LabelSufficiency.Require(Read(Rows(30, 70)), ["X1", "X2"], allowSmall: true));
        Assert.Contains("no client of the notes has a label", e.Message);
    }
}
