using System.Text.Json.Nodes;
using Clientele.Storage.Store;

namespace Clientele.Cli.Tests;

/// <summary>A fixture with generated notes and a Fast bundle trained on them, for the worklist verb.</summary>
public sealed class WorklistFixture : IDisposable
{
    public WorklistFixture()
    {
        Data = new CliFixture();
        var (exit, _, err) = ClienteleApp.RunCaptured("train", "--notes", Data.Notes, "--tier", "fast", "--out", Model, "--no-store", "--quiet");
        if (exit != 0)
        {
            throw new InvalidOperationException(err);
        }
    }

    public CliFixture Data { get; }

    public string Model => Data.PathOf("model");

    public void Dispose() => Data.Dispose();
}

public sealed class WorklistCliTests(WorklistFixture fixture) : IClassFixture<WorklistFixture>
{
    private const string AsOf = "2027-01-15";

    private string Path(string name) => fixture.Data.PathOf(name);

    [Fact]
    public void Worklist_writes_the_documented_header_rows_by_priority_with_a_reason_and_records_both_groups()
    {
        var stdout = RunOk("worklist", "--model", fixture.Model, "--notes", fixture.Data.Notes, "--as-of", AsOf, "--out", Path("wl.csv"),
            "--assignments", Path("assign.csv"), "--no-store", "--json", "--control-share", "0.2");
        var json = JsonNode.Parse(stdout)!;
        var lines = File.ReadAllLines(Path("wl.csv"));
        Assert.Equal("client_id,advisor,action,channel,priority,due,reason,last_contact,days_since_purchase", lines[0]);
        Assert.True(lines.Length > 10, "a worklist of 600 generated clients lists some");
        Assert.Equal(lines.Length - 1, json["listed"]!.GetValue<int>());
        var priorities = lines.Skip(1).Select(l => int.Parse(l.Split(',')[4], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(priorities.Order(), priorities);
        Assert.All(lines.Skip(1), l => Assert.Contains("likely to buy", l));
        var assignments = File.ReadAllLines(Path("assign.csv"));
        Assert.Equal("client_id,as_of,group,rule,action,due", assignments[0]);
        var held = assignments.Count(a => a.Contains(",control,", StringComparison.Ordinal));
        Assert.Equal(json["held_out"]!.GetValue<int>(), held);
        Assert.InRange(held, 1, lines.Length);
        var listedIds = lines.Skip(1).Select(l => l.Split(',')[0]).ToHashSet();
        Assert.DoesNotContain(assignments.Where(a => a.Contains(",control,", StringComparison.Ordinal)).Select(a => a.Split(',')[0]), listedIds.Contains);
    }

    [Fact]
    public void A_contact_logged_in_the_store_keeps_the_client_off_the_next_worklist()
    {
        var db = "Data Source=" + Path("contacts.db");
        var (exit, _, stderr) = Run("worklist", "--model", fixture.Model, "--notes", fixture.Data.Notes, "--as-of", AsOf, "--out", Path("first.csv"), "--db", db, "--quiet");
        Assert.True(exit == 0, stderr);
        var first = File.ReadAllLines(Path("first.csv")).Skip(1).Select(l => l.Split(',')[0]).ToList();
        var contacted = first[0];
        using (var store = StoreFactory.Open(db))
        {
            Assert.Contains(store.ListAssignments(), a => a.ClientId == contacted && a.Group == "contact");
            store.SaveContact(new ContactRecord(contacted, new DateOnly(2027, 1, 10), "phone", "reached", "Claire", null, DateTimeOffset.UnixEpoch));
        }

        (exit, var stdout, stderr) = Run("worklist", "--model", fixture.Model, "--notes", fixture.Data.Notes, "--as-of", AsOf, "--out", Path("second.csv"), "--db", db, "--json");
        Assert.True(exit == 0, stderr);
        var second = File.ReadAllLines(Path("second.csv")).Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.DoesNotContain(contacted, second);
        Assert.Equal(first.Count - 1, second.Count);
        Assert.Equal(1, JsonNode.Parse(stdout)!["recently_contacted"]!.GetValue<int>());
    }

    [Fact]
    public void A_maisons_playbook_in_French_turns_a_stated_birthday_into_a_gift_proposal_for_its_advisor()
    {
        File.WriteAllText(Path("bday.csv"), "client_id,date,transcription\nB1,2027-01-02,\"Her birthday is on 20 January, loves black leather handbags\"\nB2,2027-01-02,\"Bought a belt.\"\n");
        File.WriteAllText(Path("advisors.csv"), "client_id,advisor\nB1,Claire\nB2,Hugo\n");
        File.WriteAllText(Path("mine.yaml"), """
            version: 1
            rules:
              - id: birthday
                action: gift_proposal
                channel: message
                priority: 1
                due_before_occasion: 3
                when:
                  occasion: { kinds: [birthday], within_days: 14 }
            """);
        RunOk("worklist", "--model", fixture.Model, "--notes", Path("bday.csv"), "--as-of", AsOf, "--playbook", Path("mine.yaml"),
            "--advisors", Path("advisors.csv"), "--advisor", "Claire", "--language", "fr", "--control-share", "0", "--out", Path("fr.csv"), "--no-store", "--quiet");
        var rows = File.ReadAllLines(Path("fr.csv"));
        Assert.Equal(2, rows.Length);
        Assert.StartsWith("B1,Claire,gift_proposal,message,1,2027-01-17,Anniversaire le 20 janvier; aime black leather handbag;", rows[1]);
    }

    [Fact]
    public void An_invalid_playbook_is_exit_2_naming_the_file_line_column_and_field()
    {
        File.WriteAllText(Path("bad.yaml"), "rules:\n  - id: a\n    action: call\n    channel: fax\n    priority: 1\n");
        var (exit, _, stderr) = Run("worklist", "--model", fixture.Model, "--notes", fixture.Data.Notes, "--playbook", Path("bad.yaml"), "--out", Path("x.csv"), "--no-store");
        Assert.Equal(2, exit);
        Assert.Contains("bad.yaml:4:14: field 'channel': expected one of phone", stderr);
        Assert.False(File.Exists(Path("x.csv")));
    }

    [Theory]
    [InlineData("--language", "de", "no worklist phrases in 'de'")]
    [InlineData("--control-share", "0.9", "--control-share")]
    [InlineData("--days", "-1", "--days")]
    public void A_bad_option_value_is_a_usage_error(string option, string value, string expected)
    {
        var (exit, _, stderr) = Run("worklist", "--model", fixture.Model, "--notes", fixture.Data.Notes, option, value, "--out", Path("y.csv"), "--no-store");
        Assert.Equal(2, exit);
        Assert.Contains(expected, stderr);
    }

    [Theory]
    [InlineData("--value-quantiles", "0.9,0.5,0.95")]
    [InlineData("--risk-odds", "0,1,2")]
    [InlineData("--risk-bounds", "0.3,0.6")]
    public void A_segment_option_that_is_not_three_ascending_numbers_in_range_is_a_usage_error(string option, string value)
    {
        var (exit, _, stderr) = Run("train", "--notes", fixture.Data.Notes, option, value, "--out", Path("never"), "--no-store");
        Assert.Equal(2, exit);
        Assert.Contains(option + " '" + value + "' is not three ascending numbers", stderr);
        Assert.False(Directory.Exists(Path("never")));
    }

    [Fact]
    public void Fixed_value_bounds_given_to_train_are_saved_in_the_bundle()
    {
        RunOk("train", "--notes", fixture.Data.Notes, "--value-bounds", "1000,2000,3000", "--out", Path("fixed"), "--no-store", "--quiet");
        var meta = JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(Clientele.Storage.Files.ModelsDirectory.Resolve(Path("fixed")), "metadata.json")))!;
        Assert.Equal("fixed", meta["segments"]!["value_method"]!.GetValue<string>());
        Assert.Equal(2000, meta["segments"]!["value_bounds"]![1]!.GetValue<double>());
        Assert.Equal("odds_ratio", meta["segments"]!["risk_method"]!.GetValue<string>());
    }

    [Fact]
    public void Worklist_report_compares_purchases_after_the_worklist_with_the_control_group()
    {
        var assignments = new System.Text.StringBuilder("client_id,as_of,group,rule,action,due\n");
        var transactions = new System.Text.StringBuilder("client_id,date,amount\n");
        for (var i = 0; i < 400; i++)
        {
            var control = i % 4 == 0;
            assignments.Append($"C{i},2026-01-01,{(control ? "control" : "contact")},r,call,2026-01-03\n");
            transactions.Append($"C{i},2025-06-01,100\n");
            if (control ? i % 20 == 0 : i % 2 == 1)
            {
                transactions.Append($"C{i},2026-01-15,300\n");
            }
        }

        transactions.Append("C1,2026-03-01,50\n");
        File.WriteAllText(Path("assign-r.csv"), assignments.ToString());
        File.WriteAllText(Path("tx-r.csv"), transactions.ToString());
        var (exit, stdout, stderr) = Run("worklist-report", "--assignments", Path("assign-r.csv"), "--transactions", Path("tx-r.csv"), "--json");
        Assert.True(exit == 0, stderr);
        var json = JsonNode.Parse(stdout)!;
        Assert.Equal(300, json["listed"]!.GetValue<int>());
        Assert.Equal(200, json["listed_bought"]!.GetValue<int>());
        Assert.Equal(100, json["control"]!.GetValue<int>());
        Assert.Equal(20, json["control_bought"]!.GetValue<int>());
        Assert.Equal(0.4667, json["difference"]!.GetValue<double>(), 3);
        Assert.True(json["interval"]![0]!.GetValue<double>() > 0.3);
        Assert.Equal("better", json["verdict"]!.GetValue<string>());

        (exit, stdout, _) = Run("worklist-report", "--assignments", Path("assign-r.csv"), "--transactions", Path("tx-r.csv"));
        Assert.Equal(0, exit);
        Assert.Contains("difference +46.7 points, 95 % interval [", stdout);

        File.WriteAllText(Path("no-control.csv"), "client_id,as_of,group,rule,action,due\nC1,2026-01-01,contact,r,call,2026-01-03\n");
        var (bad, _, err) = Run("worklist-report", "--assignments", Path("no-control.csv"), "--transactions", Path("tx-r.csv"));
        Assert.Equal(2, bad);
        Assert.Contains("has no control group", err);
    }

    [Fact]
    public void Report_writes_segments_with_shares_the_worklist_and_a_model_card_as_markdown_and_html()
    {
        var db = "Data Source=" + Path("report.db");
        RunOk("train", "--notes", fixture.Data.Notes, "--out", Path("report-model"), "--db", db, "--quiet");
        RunOk("predict", "--model", Path("report-model"), "--notes", fixture.Data.Notes, "--out", Path("report-scores.csv"), "--db", db, "--quiet");
        RunOk("worklist", "--model", Path("report-model"), "--notes", fixture.Data.Notes, "--as-of", AsOf, "--out", Path("report-wl.csv"), "--db", db, "--quiet");
        RunOk("report", "--db", db, "--out", Path("report.md"));
        var md = File.ReadAllText(Path("report.md"));
        Assert.Contains("## Value segments", md);
        Assert.Contains("| VIP |", md);
        Assert.Contains(" %", md);
        Assert.Contains($"## Worklist of {AsOf}", md);
        Assert.Contains("## Model card:", md);
        Assert.Contains("| purchased | auc |", md);
        Assert.Contains("smart labels", md);
        RunOk("report", "--db", db, "--out", Path("report.html"));
        var html = File.ReadAllText(Path("report.html"));
        Assert.StartsWith("<!doctype html>", html);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("<h2>Top concepts</h2>", html);
        Assert.Equal(2, Run("report", "--db", db, "--out", Path("report.pdf")).Exit);
    }
}
