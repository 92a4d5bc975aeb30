using System.Text.Json.Nodes;

namespace Clientele.Cli.Tests;

/// <summary>The <c>rfm</c> and <c>history</c> verbs on a small transactions file the test writes.</summary>
public sealed class HistoryCliTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "clientele-history-" + Guid.NewGuid().ToString("N"));

    public HistoryCliTests()
    {
        Directory.CreateDirectory(_dir);
        // 300 clients buying over 2025 at their own pace, each stopping after a purchase with the same probability:
        // enough repeat buyers for both models, and a dropout Beta that collapses (a, b in the millions) on purpose.
        SyntheticPurchases.Write(Tx, seed: 17, firstDayBefore: 120);
    }

    private string Tx => Path.Combine(_dir, "tx.csv");

    private string PathOf(string name) => Path.Combine(_dir, name);

    [Theory]
    [InlineData("rfm")]
    [InlineData("history")]
    public void Both_verbs_have_help(string verb) => Assert.Equal(0, ClienteleApp.RunCaptured(verb, "--help").Exit);

    [Fact]
    public void Rfm_writes_one_row_per_client_with_the_documented_header()
    {
        var stdout = RunOk("rfm", "--transactions", Tx, "--as-of", "2025-12-31", "--period", "week", "--out", PathOf("rfm.csv"), "--json");
        var lines = File.ReadAllLines(PathOf("rfm.csv"));
        Assert.Equal("client_id,frequency,recency,T,monetary_value,total_spend,first_purchase,last_purchase,days_since_last", lines[0]);
        Assert.Equal(301, lines.Length);
        Assert.Equal(300, JsonNode.Parse(stdout)!["clients"]!.GetValue<int>());
    }

    [Fact]
    public void History_json_has_both_models_the_holdout_table_and_seconds()
    {
        var stdout = RunOk("history", "--transactions", Tx, "--as-of", "2025-09-30", "--holdout-days", "92",
            "--out", PathOf("clients.csv"), "--json");
        var json = JsonNode.Parse(stdout)!;
        foreach (var key in new[] { "r", "alpha", "a", "b", "log_likelihood" })
        {
            Assert.True(json["bgnbd"]![key]!.GetValue<double>() is var v && double.IsFinite(v), key);
        }

        Assert.True(json["gamma_gamma"]!["q"]!.GetValue<double>() > 0);
        Assert.Equal(92, json["holdout"]!["days"]!.GetValue<int>());
        Assert.Equal(8, json["holdout"]!["bins"]!.AsArray().Count);
        Assert.Equal(14, json["holdout"]!["weekly"]!.AsArray().Count);
        Assert.NotNull(json["seconds"]);
        var lines = File.ReadAllLines(PathOf("clients.csv"));
        Assert.Equal("client_id,frequency,recency,T,monetary_value,p_alive,p_purchase_horizon,expected_purchases_horizon,expected_spend,clv", lines[0]);
        Assert.Equal(json["clients"]!.GetValue<int>() + 1, lines.Length);
    }

    [Fact]
    public void History_without_json_prints_a_short_table()
    {
        var stdout = RunOk("history", "--transactions", Tx, "--quiet");
        Assert.Contains("BG/NBD", stdout);
        Assert.Contains("Gamma-Gamma", stdout);
    }

    [Fact]
    public void A_bad_amount_is_one_line_naming_file_line_and_column_and_exit_code_2()
    {
        File.WriteAllText(PathOf("bad.csv"), "client_id,date,amount\nA,2025-01-01,10\nA,2025-02-01,abc\n");
        var (exit, _, err) = ClienteleApp.RunCaptured("rfm", "--transactions", PathOf("bad.csv"), "--out", PathOf("o.csv"));
        Assert.Equal(2, exit);
        Assert.Contains("bad.csv:3:3: amount 'abc' is not a number", err);
        Assert.Contains("e.g. 1234.56) (--skip-bad-rows leaves it out)", err);
        Assert.Single(err.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.False(File.Exists(PathOf("o.csv")));
        Assert.Equal(0, ClienteleApp.RunCaptured("rfm", "--transactions", PathOf("bad.csv"), "--out", PathOf("o.csv"), "--skip-bad-rows").Exit);
    }

    [Fact]
    public void Two_bad_rows_name_the_first_and_count_both()
    {
        File.WriteAllText(PathOf("bad2.csv"), "client_id,date,amount\nA,2025-01-01,x\nA,2025-02-01,abc\nA,2025-03-01,10\n");
        var (exit, _, err) = ClienteleApp.RunCaptured("rfm", "--transactions", PathOf("bad2.csv"), "--out", PathOf("o.csv"));
        Assert.Equal(2, exit);
        Assert.Contains("bad2.csv:2:3: amount 'x' is not a number", err);
        Assert.Contains("e.g. 1234.56) (2 bad rows in all; --skip-bad-rows leaves them out)", err);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
