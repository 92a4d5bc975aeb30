using Clientele.Core.Errors;
using Clientele.Core.Occasions;
using Clientele.Core.Scoring;
using Clientele.Core.Worklist;

namespace Clientele.Core.Tests.Worklist;

public class PlaybookTests
{
    internal static readonly DateOnly AsOf = new(2026, 3, 1);

    internal static WorklistClient Client(string id, double purchase = 0.5, double churn = 0.3, string value = "Medium", string risk = "Monitor") =>
        new(id, new ClientScore(id, purchase, purchase >= 0.5, churn, churn >= 0.5, 5000, value, risk, string.Empty)) { LastNote = AsOf.AddDays(-10) };

    internal static Occasion Birthday(string id, int month, int day) =>
        new(id, OccasionKinds.All[0], new DateOnly(2025, month, day), month, day, true, new DateOnly(2025, 1, 1), 0, 8, "birthday");

    private static Playbook Parse(string yaml) => PlaybookYaml.Read(new StringReader(yaml), "maison.yaml");

    private static ClienteleInputException Invalid(string yaml) => Assert.Throws<ClienteleInputException>(() => Parse(yaml));

    [Fact]
    public void The_default_playbook_loads_and_orders_its_rules_by_priority()
    {
        var rules = Playbook.Default.Rules;
        Assert.True(rules.Count >= 6);
        Assert.Equal("vip-at-risk", rules[0].Id);
        Assert.Equal(rules.Select(r => r.Priority).Order(), rules.Select(r => r.Priority));
        Assert.Contains(rules, r => r.Id == "lapsed-private-viewing" && r.When.DaysSincePurchase!.Value.Min == 180);
    }

    [Fact]
    public void A_VIP_at_risk_gets_a_personal_call_before_a_birthday_gift()
    {
        var client = Client("A", value: "VIP", risk: "Critical") with { Occasions = [Birthday("A", 3, 10)] };
        var match = Playbook.Default.Match(client, AsOf);
        Assert.Equal("personal_call", match!.Value.Rule.Action);
    }

    [Fact]
    public void A_birthday_within_14_days_matches_the_gift_rule_with_its_next_date_and_one_later_does_not()
    {
        var soon = Client("A") with { Occasions = [Birthday("A", 3, 14)] };
        var match = Playbook.Default.Match(soon, AsOf);
        Assert.Equal("birthday-gift", match!.Value.Rule.Id);
        Assert.Equal(new DateOnly(2026, 3, 14), match.Value.OccasionDate);
        var far = Client("B") with { Occasions = [Birthday("B", 4, 20)] };
        Assert.NotEqual("birthday-gift", Playbook.Default.Match(far, AsOf)?.Rule.Id);
    }

    [Fact]
    public void A_lapsed_client_with_a_high_P_alive_is_invited_and_a_low_P_alive_is_not()
    {
        var alive = Client("A") with { DaysSincePurchase = 200, ProbabilityAlive = 0.8 };
        Assert.Equal("private_viewing", Playbook.Default.Match(alive, AsOf)!.Value.Rule.Action);
        var gone = Client("B") with { DaysSincePurchase = 200, ProbabilityAlive = 0.2 };
        Assert.NotEqual("private_viewing", Playbook.Default.Match(gone, AsOf)?.Rule.Action);
        var noPurchases = Client("C");
        Assert.Null(Playbook.Default.Match(noPurchases, AsOf));
    }

    [Fact]
    public void Concept_and_fact_conditions_select_on_the_notes()
    {
        var playbook = Parse("""
            rules:
              - id: champagne
                action: tasting
                channel: in_store
                priority: 1
                when:
                  concepts_any: [champagne]
                  concepts_none: [allergy]
                  budget_k: { min: 10 }
            """);
        var yes = Client("A") with { Concepts = new HashSet<string> { "champagne" }, Facts = new Clientele.Core.Concepts.NoteFacts(5, 20, false, null) };
        var allergic = yes with { Concepts = new HashSet<string> { "champagne", "allergy" } };
        var small = yes with { Facts = new Clientele.Core.Concepts.NoteFacts(1, 2, false, null) };
        Assert.NotNull(playbook.Match(yes, AsOf));
        Assert.Null(playbook.Match(allergic, AsOf));
        Assert.Null(playbook.Match(small, AsOf));
    }

    [Fact]
    public void An_unknown_field_is_an_error_naming_its_line_column_and_the_fields_expected()
    {
        var e = Invalid("""
            rules:
              - id: a
                action: call
                channel: phone
                priority: 1
                when:
                  churn_risk: { min: 0.5 }
            """);
        Assert.Equal("maison.yaml", e.Source);
        Assert.Equal(7, e.Line);
        Assert.Equal(7, e.Column);
        Assert.Contains("unknown field 'churn_risk'", e.Message);
        Assert.Contains("churn", e.Detail);
    }

    [Theory]
    [InlineData("channel: pigeon", 4, "field 'channel': expected one of phone")]
    [InlineData("priority: high", 5, "field 'priority': expected a whole number from 1 to 9")]
    [InlineData("when: { purchase: { min: 2 } }", 6, "field 'purchase.min': expected a number from 0 to 1")]
    [InlineData("when: { risk_segment: [Danger] }", 6, "field 'risk_segment': expected one of Safe, Monitor, At Risk, Critical")]
    [InlineData("due_before_occasion: 3", 6, "'due_before_occasion' needs an 'occasion'")]
    [InlineData("when: { churn: { min: 0.8, max: 0.2 } }", 6, "min is above max")]
    public void A_wrong_value_is_an_error_at_its_line_naming_the_field(string line, int expectedLine, string expected)
    {
        var fields = new Dictionary<string, string> { ["channel"] = "channel: phone", ["priority"] = "priority: 1" };
        var key = line.Split(':')[0];
        var body = new List<string> { "rules:", "  - id: a", "    action: call" };
        body.Add("    " + (key == "channel" ? line : fields["channel"]));
        body.Add("    " + (key == "priority" ? line : fields["priority"]));
        if (key is not ("channel" or "priority"))
        {
            body.Add("    " + line);
        }

        var e = Invalid(string.Join('\n', body));
        Assert.Equal(expectedLine, e.Line);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_missing_action_a_duplicate_id_bad_yaml_and_a_newer_version_are_errors()
    {
        Assert.Contains("has no 'action'", Invalid("rules:\n  - id: a\n    channel: phone\n    priority: 1\n").Message);
        var dup = Invalid("rules:\n  - { id: a, action: x, channel: phone, priority: 1 }\n  - { id: a, action: y, channel: phone, priority: 2 }\n");
        Assert.Equal(3, dup.Line);
        Assert.Contains("second rule with id 'a'", dup.Message);
        var syntax = Invalid("rules:\n  - id: a\n   action: [x\n");
        Assert.NotNull(syntax.Line);
        Assert.Contains("not valid YAML", syntax.Message);
        Assert.Contains("newer than this build reads", Invalid("version: 2\nrules:\n  - { id: a, action: x, channel: phone, priority: 1 }\n").Message);
        Assert.Contains("has no rules", Invalid("version: 1\n").Message);
    }
}
