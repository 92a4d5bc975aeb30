using Clientele.Core.Scoring;
using Clientele.Core.Worklist;
using static Clientele.Core.Tests.Worklist.PlaybookTests;

namespace Clientele.Core.Tests.Worklist;

public class WorklistTests
{
    private static WorklistClient Vip(string id) => Client(id, purchase: 0.62, churn: 0.7, value: "VIP", risk: "At Risk");

    [Fact]
    public void The_reason_is_one_sentence_with_the_occasion_preferences_likelihood_and_time_since_the_visit()
    {
        var client = Client("A", purchase: 0.62) with
        {
            Occasions = [Birthday("A", 3, 14)],
            Preferences = ["black", "leather"],
            LastNote = AsOf.AddDays(-97),
        };
        var result = new WorklistOptions().Build([client], Playbook.Default, AsOf);
        var row = Assert.Single(result.All);
        Assert.Equal("Birthday on 14 March; prefers black leather; 62 % likely to buy; no visit for 97 days", row.Reason);
        Assert.Equal(new DateOnly(2026, 3, 9), row.Due);
        Assert.Equal("gift_proposal", row.Action);
        Assert.Equal("Gift proposal", row.ActionLabel);
    }

    [Fact]
    public void Reasons_and_action_labels_are_in_French_when_asked()
    {
        var client = Client("A", purchase: 0.62) with { Occasions = [Birthday("A", 3, 14)], Preferences = ["noir"], LastNote = AsOf.AddDays(-40) };
        var row = Assert.Single(new WorklistOptions { Language = "fr", ControlShare = 0 }.Build([client], Playbook.Default, AsOf).Listed);
        Assert.Equal("Anniversaire le 14 mars; aime noir; 62 % de chances d'achat; pas de visite depuis 40 jours", row.Reason);
        Assert.Equal("Proposition de cadeau", row.ActionLabel);
    }

    [Fact]
    public void A_contact_logged_within_the_quiet_days_keeps_the_client_off_and_an_older_one_does_not()
    {
        var recent = Vip("A") with { LastLoggedContact = AsOf.AddDays(-5) };
        var old = Vip("B") with { LastLoggedContact = AsOf.AddDays(-30) };
        var result = new WorklistOptions { ControlShare = 0, QuietDays = 21 }.Build([recent, old], Playbook.Default, AsOf);
        Assert.Equal(["B"], result.Listed.Select(r => r.ClientId));
        Assert.Equal(1, result.RecentlyContacted);
        Assert.Equal(AsOf.AddDays(-10), result.Listed[0].LastContact);
    }

    [Fact]
    public void Only_actions_due_within_the_horizon_and_the_advisors_own_clients_are_listed()
    {
        var trip = Client("T") with { Occasions = [new("T", "trip", AsOf.AddDays(28), 3, 29, false, AsOf, 0, 4, "trip")] };
        var mine = Vip("M") with { Advisor = "Claire" };
        var theirs = Vip("O") with { Advisor = "Hugo" };
        var result = new WorklistOptions { ControlShare = 0, Days = 14 }.Build([trip, mine, theirs], Playbook.Default, AsOf);
        Assert.Equal(1, result.DueLater);
        Assert.Equal(["M", "O"], result.Listed.Select(r => r.ClientId));
        var claire = new WorklistOptions { ControlShare = 0, Advisor = "claire" }.Build([trip, mine, theirs], Playbook.Default, AsOf);
        Assert.Equal(["M"], claire.Listed.Select(r => r.ClientId));
    }

    [Fact]
    public void The_control_group_holds_out_about_its_share_the_same_clients_for_a_seed_and_others_for_another()
    {
        var clients = Enumerable.Range(0, 4000).Select(i => Vip($"C{i:D5}")).ToList();
        var first = new WorklistOptions { ControlShare = 0.1, ControlSeed = 7 }.Build(clients, Playbook.Default, AsOf);
        var again = new WorklistOptions { ControlShare = 0.1, ControlSeed = 7 }.Build(clients.AsEnumerable().Reverse(), Playbook.Default, AsOf);
        var other = new WorklistOptions { ControlShare = 0.1, ControlSeed = 8 }.Build(clients, Playbook.Default, AsOf);
        Assert.InRange(first.HeldOut.Count, 340, 460);
        Assert.Equal(first.HeldOut.Select(r => r.ClientId).Order(), again.HeldOut.Select(r => r.ClientId).Order());
        Assert.NotEqual(first.HeldOut.Select(r => r.ClientId).Order(), other.HeldOut.Select(r => r.ClientId).Order());
        Assert.Empty(first.Listed.Select(r => r.ClientId).Intersect(first.HeldOut.Select(r => r.ClientId)));
        Assert.All(first.HeldOut, r => Assert.True(r.Control));
    }

    [Fact]
    public void Rows_come_by_priority_then_due_date_and_the_csv_has_the_documented_header()
    {
        var clients = new[] { Client("L") with { DaysSincePurchase = 200, ProbabilityAlive = 0.9 }, Vip("V") };
        var result = new WorklistOptions { ControlShare = 0 }.Build(clients, Playbook.Default, AsOf);
        Assert.Equal(["V", "L"], result.Listed.Select(r => r.ClientId));
        var writer = new StringWriter();
        WorklistCsv.Write(writer, result.Listed);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("client_id,advisor,action,channel,priority,due,reason,last_contact,days_since_purchase", lines[0].TrimEnd('\r'));
        Assert.StartsWith("V,,personal_call,phone,1,2026-03-03,", lines[1]);
        Assert.EndsWith(",2026-02-19,200", lines[2].TrimEnd('\r'));
    }

    [Fact]
    public void The_phrases_have_every_key_of_English_in_French()
    {
        foreach (var key in new[] { "prefers", "likely", "churn", "vip", "no_visit", "no_purchase", "month.3", "occasion.birthday", "action.personal_call" })
        {
            Assert.NotEqual(WorklistPhrases.Get(key, "en"), WorklistPhrases.Get(key, "fr"));
        }

        Assert.Equal(["en", "fr"], WorklistPhrases.Languages);
        Assert.Equal("my_own_action", WorklistPhrases.Action("my_own_action", "fr"));
    }
}
