using System.Text;
using Clientele.Core.Concepts;
using Clientele.Core.Labels;
using Clientele.Core.Lexicon;
using Clientele.Core.Scoring;
using Clientele.Core.Text;

namespace Clientele.Core.Tests.Explanations;

/// <summary>The typed reason records and their one renderer.</summary>
public class ReasonTextTests
{
    private static readonly Concept Gift = new("gift.birthday", "birthday gift", "gift", ["birthday gift"]);
    private static readonly Concept Hesitant = new("hesitation", "hesitant", "hesitation", ["hesitant"]);

    private static string Render(NoteFacts facts, params Reason[] reasons) => new ClientReasons(reasons, facts).ToString();

    [Fact]
    public void Reasons_render_grouped_by_target_signed_and_named_once_per_target()
    {
        var facts = new NoteFacts(3, 5, true, 45);
        var text = Render(facts,
            new Reason(Target.Purchased, ReasonSubject.Of(Gift), 0.3),
            new Reason(Target.Purchased, new ReasonSubject(ReasonSubjectKind.Budget), -0.1),
            new Reason(Target.Churned, new ReasonSubject(ReasonSubjectKind.Age), 0.2),
            new Reason(Target.LifetimeValue, ReasonSubject.Of(Hesitant), -0.05),
            new Reason(Target.LifetimeValue, new ReasonSubject(ReasonSubjectKind.MeetingCount), 0.01));

        Assert.Equal("purchase: + birthday gift, − budget 3-5K+; churn: + age 45; value: − hesitant, + number of meetings", text);
    }

    [Theory]
    [InlineData(2f, null, false, "+ budget 2K")]
    [InlineData(2.5f, 2.5f, false, "+ budget 2.5K")]
    [InlineData(0.8f, 1.25f, true, "+ budget 0.8-1.3K+")]
    [InlineData(null, null, true, "+ stated budget")]
    public void A_budget_reason_shows_the_stated_range_or_only_that_a_budget_was_stated(float? low, float? high, bool open, string expected)
    {
        var sb = new StringBuilder();
        ReasonText.AppendList(sb, [new Reason(Target.Purchased, new ReasonSubject(ReasonSubjectKind.Budget), 1)], new NoteFacts(low, high, open, null));
        Assert.Equal(expected, sb.ToString());
    }

    [Fact]
    public void Fact_and_history_subjects_without_values_show_their_names()
    {
        var text = Render(default,
            new Reason(Target.Churned, new ReasonSubject(ReasonSubjectKind.Age), -1),
            new Reason(Target.Churned, new ReasonSubject(ReasonSubjectKind.ContactRecency), 0.5));
        Assert.Equal("churn: − age, + recency of contact", text);
    }

    [Fact]
    public void No_reasons_render_as_empty_text_and_stored_text_renders_as_itself()
    {
        Assert.Equal(string.Empty, Render(default));
        Assert.Equal(string.Empty, default(ClientReasons).ToString());
        Assert.Equal("purchase: + gift", ClientReasons.FromText("purchase: + gift").ToString());
        Assert.True(ClientReasons.FromText("purchase: + gift").Items.IsEmpty);
    }

    [Fact]
    public void Explanations_are_equal_when_they_read_the_same()
    {
        var typed = new ClientReasons([new Reason(Target.Purchased, ReasonSubject.Of(Gift), 0.3)], default);
        Assert.Equal(ClientReasons.FromText("purchase: + birthday gift"), typed);
        Assert.NotEqual(ClientReasons.FromText("purchase: − birthday gift"), typed);
    }

    [Fact]
    public void A_score_keeps_its_typed_reasons_and_shows_them_as_text()
    {
        var reasons = new ClientReasons([new Reason(Target.Churned, ReasonSubject.Of(Hesitant), 0.4)], default);
        var score = new ClientScore("A", 0.5, true, 0.4, false, 100, "Low", "Monitor", reasons);
        Assert.Equal("churn: + hesitant", score.Reasons);
        Assert.Equal(Target.Churned, score.Explanation.Items[0].Target);
        Assert.Equal("kept", new ClientScore("A", 0.5, true, 0.4, false, 100, "Low", "Monitor", "kept").Reasons);
    }

    [Theory]
    [InlineData("")]
    [InlineData("purchase: + gift")]
    [InlineData("purchase: + gift, − \"quoted\" label")]
    [InlineData("=HYPERLINK(\"x\")")]
    [InlineData("-1, two")]
    [InlineData("@SUM(A1)")]
    [InlineData("line\nbreak")]
    public void A_cell_written_from_a_builder_equals_the_quoted_string(string value)
    {
        var writer = new StringWriter();
        CsvCell.Write(writer, new StringBuilder(value));
        Assert.Equal(CsvCell.Text(value), writer.ToString());
    }
}
