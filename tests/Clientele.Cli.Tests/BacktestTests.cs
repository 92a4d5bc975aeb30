using System.Text.Json.Nodes;

namespace Clientele.Cli.Tests;

/// <summary>
/// <c>train</c>/<c>predict --transactions</c> and <c>backtest</c> on a transactions file the test writes, plus the
/// acceptance check on the shared CDNOW sample: Elite not worse than BG/NBD + Gamma-Gamma beyond the bootstrap interval.
/// </summary>
public sealed class BacktestTests : IDisposable
{
    private const string AsOf = "2025-12-31";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "clientele-backtest-" + Guid.NewGuid().ToString("N"));

    public BacktestTests()
    {
        Directory.CreateDirectory(_dir);
        // 300 clients buying over 2025 at their own pace, each stopping after a purchase with probability 0.15:
        // buyers and lapsed clients on both sides of the cutoff (2025-10-01 for windows 30/91/91).
        SyntheticPurchases.Write(Tx, seed: 23, firstDayBefore: 200);
    }

    private string Tx => PathOf("tx.csv");

    private static readonly string[] Windows = ["--horizon-days", "30", "--churn-days", "91", "--value-days", "91"];

    private string PathOf(string name) => Path.Combine(_dir, name);

    [Fact]
    public void Train_from_transactions_without_notes_writes_a_bundle_and_scores_every_client()
    {
        RunOk([.. new[] { "train", "--transactions", Tx, "--as-of", AsOf, "--out", PathOf("model"), "--scores", PathOf("scores.csv"), "--quiet", "--no-store" }, .. Windows]);
        Assert.True(Directory.EnumerateFiles(PathOf("model")).Any());
        Assert.Equal(301, File.ReadAllLines(PathOf("scores.csv")).Length);
    }

    [Fact]
    public void Training_with_transactions_keeps_the_bgnbd_holdout_table_and_weekly_tracking_in_the_bundle_report()
    {
        RunOk([.. new[] { "train", "--transactions", Tx, "--as-of", AsOf, "--out", PathOf("model"), "--quiet", "--no-store" }, .. Windows]);
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(Clientele.Storage.Files.ModelsDirectory.Resolve(PathOf("model")), "metadata.json")))!["report"]!;
        var holdout = report["holdout"]!;
        Assert.Equal(91, holdout["days"]!.GetValue<int>()); // the longest window: cutoff 2025-10-01 to the as-of
        var bins = holdout["bins"]!.AsArray();
        Assert.Equal(8, bins.Count); // calibration frequency 0 … 7+
        Assert.True(bins[^1]!["and_more"]!.GetValue<bool>());
        Assert.Equal(bins.Sum(b => b!["clients"]!.GetValue<int>() * b["actual"]!.GetValue<double>()), holdout["total_actual"]!.GetValue<double>(), 3);
        Assert.True(holdout["total_actual"]!.GetValue<double>() > 0 && holdout["total_expected"]!.GetValue<double>() > 0);
        var weekly = holdout["weekly"]!.AsArray();
        Assert.Equal(13, weekly.Count); // 91 days
        Assert.Equal(holdout["total_actual"]!.GetValue<double>(), weekly[^1]!["actual"]!.GetValue<double>(), 3);
    }

    [Fact]
    public void Predict_with_transactions_gives_a_client_the_same_scores_alone_as_in_the_whole_batch()
    {
        RunOk([.. new[] { "train", "--transactions", Tx, "--as-of", AsOf, "--out", PathOf("model"), "--quiet", "--no-store" }, .. Windows]);
        var lines = File.ReadAllLines(Tx);
        File.WriteAllLines(PathOf("one.csv"), lines.Where(l => l.StartsWith("client_id,", StringComparison.Ordinal) || l.StartsWith("C007,", StringComparison.Ordinal)));

        string ScoreOf(string tx, string outName)
        {
            RunOk("predict", "--model", PathOf("model"), "--transactions", tx, "--as-of", AsOf, "--out", PathOf(outName), "--no-reasons", "--quiet", "--no-store");
            return File.ReadAllLines(PathOf(outName)).Single(l => l.StartsWith("C007,", StringComparison.Ordinal));
        }

        // The saved BG/NBD + Gamma-Gamma parameters are reused: refitting on the lone client would move its score.
        Assert.Equal(ScoreOf(Tx, "all.csv"), ScoreOf(PathOf("one.csv"), "alone.csv"));
    }

    [Fact]
    public void Predict_with_transactions_explains_with_purchase_history_by_the_reason_method_asked_for_and_scores_alike()
    {
        var (exit, _, err) = Run([.. new[] { "train", "--transactions", Tx, "--as-of", AsOf, "--out", PathOf("model"), "--quiet", "--no-store" }, .. Windows]);
        Assert.True(exit == 0, err);

        string[] Scores(string method)
        {
            var (code, _, error) = Run("predict", "--model", PathOf("model"), "--transactions", Tx, "--as-of", AsOf, "--out", PathOf(method + ".csv"), "--reason-method", method, "--quiet", "--no-store");
            Assert.True(code == 0, error);
            return File.ReadAllLines(PathOf(method + ".csv"));
        }

        var saabas = Scores("saabas");
        var shap = Scores("treeshap");
        Assert.Equal(saabas.Length, shap.Length);
        var reasons = Array.IndexOf(saabas[0].Split(','), "reasons");
        Assert.True(reasons > 0, saabas[0]);
        // Scores are the model's either way; only the reasons (what each feature is credited with) may differ.
        Assert.Equal(saabas.Select(l => string.Join(',', l.Split(',').Take(reasons))), shap.Select(l => string.Join(',', l.Split(',').Take(reasons))));
        Assert.NotEqual(saabas, shap);
        // A model trained on purchases alone explains with them: nearly every client gets a reason.
        var explained = saabas.Skip(1).Count(l => l.Split(',', reasons + 1)[reasons].Length > 0);
        Assert.True(explained >= 0.8 * (saabas.Length - 1), $"{explained} of {saabas.Length - 1} clients have a reason");
        Assert.Contains(saabas, l => l.Contains("recency of purchases", StringComparison.Ordinal) || l.Contains("number of purchases", StringComparison.Ordinal));
    }

    [Fact]
    public void Backtest_json_has_metrics_btyd_baseline_and_a_verdict_per_target()
    {
        var stdout = RunOk([.. new[] { "backtest", "--transactions", Tx, "--as-of", "2025-09-30", "--tier", "fast", "--resamples", "200", "--json", "--quiet" }, .. Windows]);
        var json = JsonNode.Parse(stdout)!;
        foreach (var block in new[] { "metrics", "btyd", "baseline" })
        {
            Assert.True(double.IsFinite(json[block]!["purchased"]!["auc"]!.GetValue<double>()), block);
            Assert.True(double.IsFinite(json[block]!["churned"]!["auc"]!.GetValue<double>()), block);
            Assert.True(double.IsFinite(json[block]!["lifetime_value"]!["r2"]!.GetValue<double>()), block);
        }

        foreach (var target in new[] { "purchased", "churned", "lifetime_value" })
        {
            var d = json["difference"]![target]!;
            Assert.True(d["low"]!.GetValue<double>() <= d["high"]!.GetValue<double>(), target);
            Assert.False(string.IsNullOrEmpty(d["verdict"]!.GetValue<string>()), target);
        }

        Assert.True(json["clients"]!.GetValue<int>() > 0);
        Assert.NotNull(json["seconds"]);
    }

    [Theory]
    [InlineData("backtest", "--transactions", "tx.csv")]
    [InlineData("backtest", "--transactions", "tx.csv", "--as-of", "2025-09-30", "--tier", "turbo")]
    [InlineData("backtest", "--transactions", "tx.csv", "--as-of", "2025-09-30", "--horizon-days", "0")]
    [InlineData("backtest", "--transactions", "tx.csv", "--as-of", "2025-09-30", "--period", "week")]
    [InlineData("backtest", "--transactions", "tx.csv", "--as-of", "30/09/2025")]
    [InlineData("backtest", "--as-of", "2025-09-30")]
    [InlineData("backtest", "--transactions", "tx.csv", "--as-of", "2025-09-30", "--no-such-option")]
    [InlineData("train", "--out", "m")]
    [InlineData("train", "--transactions", "tx.csv", "--as-of", "2025-09-30", "--out", "m", "--churn-days", "-5")]
    [InlineData("train", "--notes", "tx.csv", "--out", "m", "--scores", "s.csv")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var resolved = args.Select(a => a.EndsWith(".csv", StringComparison.Ordinal) || a == "m" ? PathOf(a) : a).ToArray();
        Assert.Equal(2, Run(resolved).Exit);
    }

    [Fact]
    public void Clients_with_notes_only_and_with_purchases_only_are_both_scored()
    {
        File.WriteAllText(PathOf("notes.csv"), new NotesCsvBuilder()
            .Add("C001", new DateOnly(2025, 6, 2), "en", "Looking for a gift, ready to buy a handbag.")
            .Add("N900", new DateOnly(2025, 8, 5), "en", "New client, hesitant about a watch.")
            .ToString());
        RunOk([.. new[] { "train", "--transactions", Tx, "--notes", PathOf("notes.csv"), "--tier", "elite", "--as-of", AsOf, "--out", PathOf("model"),
            "--scores", PathOf("both.csv"), "--quiet", "--no-store" }, .. Windows]);
        var ids = File.ReadAllLines(PathOf("both.csv")).Skip(1).Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]).ToHashSet();
        Assert.Contains("N900", ids);
        Assert.Contains("C001", ids);
        Assert.Contains("C002", ids);
    }

    [Fact]
    public void Backtest_on_transactions_that_end_before_the_as_of_date_exits_2_naming_the_dates()
    {
        var (exit, _, err) = Run("backtest", "--transactions", Tx, "--as-of", "2026-06-30", "--quiet");
        Assert.Equal(2, exit);
        Assert.Contains("not after --as-of 2026-06-30", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_with_windows_longer_than_the_history_exits_2_naming_the_cutoff_and_writes_no_bundle()
    {
        var (exit, _, err) = Run("train", "--transactions", Tx, "--as-of", "2025-03-01", "--out", PathOf("short"), "--no-store", "--quiet");
        Assert.Equal(2, exit);
        Assert.Contains("2024-03-01", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(PathOf("short")));
    }

    [Fact]
    public void A_model_trained_with_transactions_refuses_to_score_without_them()
    {
        Assert.Equal(0, Run([.. new[] { "train", "--transactions", Tx, "--as-of", AsOf, "--out", PathOf("model"), "--quiet", "--no-store" }, .. Windows]).Exit);
        File.WriteAllText(PathOf("notes.csv"), new NotesCsvBuilder().Add("C001", new DateOnly(2025, 6, 2), "en", "Looking for a gift.").ToString());
        var (exit, _, err) = Run("predict", "--model", PathOf("model"), "--notes", PathOf("notes.csv"), "--out", PathOf("x.csv"), "--no-store", "--quiet");
        Assert.Equal(2, exit);
        Assert.Contains("--transactions", err, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("x.csv")));
    }

    [SharedDataFact("CDNOW_sample.csv")]
    public void On_cdnow_elite_is_not_worse_than_btyd_beyond_the_bootstrap_interval_on_any_target()
    {
        var cdnow = SharedData.Find("CDNOW_sample.csv")!;
        var stdout = RunOk("backtest", "--transactions", cdnow, "--as-of", "1998-03-31", "--horizon-days", "30", "--churn-days", "91", "--value-days", "91",
            "--tier", "elite", "--json", "--quiet");
        var json = JsonNode.Parse(stdout)!;
        foreach (var target in new[] { "purchased", "churned", "lifetime_value" })
        {
            // The interval of Elite − BTYD must reach zero or above: a whole interval below zero is "worse".
            var high = json["difference"]![target]!["high"]!.GetValue<double>();
            Assert.True(high >= 0, $"{target}: Elite − BTYD interval ends at {high}, below zero");
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process: the temp folder is cleaned by the OS.
        }
    }
}
