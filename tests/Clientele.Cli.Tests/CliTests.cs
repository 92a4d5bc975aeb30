using System.Text.Json.Nodes;

namespace Clientele.Cli.Tests;

public class CliTests(CliFixture data) : IClassFixture<CliFixture>
{
    [Theory]
    [InlineData("demo")]
    [InlineData("detect")]
    [InlineData("train")]
    [InlineData("evaluate")]
    [InlineData("compare")]
    [InlineData("predict")]
    [InlineData("serve")]
    [InlineData("generate")]
    public void Every_verb_has_help(string verb)
    {
        var (exit, _, _) = Run(verb, "--help");
        Assert.Equal(0, exit);
    }

    [Fact]
    public void Train_json_has_metrics_baseline_best_possible_and_seconds()
    {
        var stdout = RunOk("train", "--notes", data.Notes, "--out", data.PathOf("m-json"), "--json", "--db", data.Db);
        var json = JsonNode.Parse(stdout)!;
        foreach (var section in new[] { "metrics", "baseline", "best_possible" })
        {
            Assert.NotNull(json[section]!["purchased"]!["auc"]);
            Assert.NotNull(json[section]!["churned"]!["brier"]);
            Assert.NotNull(json[section]!["lifetime_value"]!["r2"]);
        }

        Assert.NotNull(json["seconds"]!["train_total"]);
        Assert.True(File.Exists(Path.Combine(Clientele.Storage.Files.ModelsDirectory.Resolve(data.PathOf("m-json")), "metadata.json")));
    }

    [Fact]
    public void Same_seed_gives_byte_identical_scores_files()
    {
        Assert.Equal(0, Run("train", "--notes", data.Notes, "--labels", data.Labels, "--out", data.PathOf("m-a"), "--quiet", "--no-store").Exit);
        Assert.Equal(0, Run("train", "--notes", data.Notes, "--labels", data.Labels, "--out", data.PathOf("m-b"), "--quiet", "--no-store").Exit);
        Assert.Equal(0, Run("predict", "--model", data.PathOf("m-a"), "--notes", data.Notes, "--out", data.PathOf("a.csv"), "--quiet", "--no-store", "--as-of", CliFixture.AsOf).Exit);
        Assert.Equal(0, Run("predict", "--model", data.PathOf("m-b"), "--notes", data.Notes, "--out", data.PathOf("b.csv"), "--quiet", "--no-store", "--as-of", CliFixture.AsOf).Exit);
        var a = File.ReadAllBytes(data.PathOf("a.csv"));
        Assert.Equal(a, File.ReadAllBytes(data.PathOf("b.csv")));
        var lines = File.ReadAllLines(data.PathOf("a.csv"));
        Assert.Equal("client_id,purchase_prob,will_purchase,churn_risk,will_churn,predicted_clv,value_segment,risk_segment,reasons", lines[0]);
        Assert.Equal(601, lines.Length);
        Assert.Contains(lines.Skip(1), l => l.Contains("purchase: +", StringComparison.Ordinal));
    }

    [Fact]
    public void Detect_writes_one_row_per_match_with_offsets()
    {
        RunOk("detect", "--notes", data.Notes, "--out", data.PathOf("c.csv"), "--quiet");
        var lines = File.ReadAllLines(data.PathOf("c.csv"));
        Assert.Equal("client_id,concept_id,label,category,matched_alias,start,end,negated", lines[0]);
        Assert.True(lines.Length > 600 * 3);
    }

    [Fact]
    public void A_missing_file_is_one_line_on_stderr_and_exit_code_2()
    {
        var (exit, _, err) = Run("train", "--notes", data.PathOf("nope.csv"), "--out", data.PathOf("m-x"));
        Assert.Equal(2, exit);
        Assert.Contains("nope.csv: file not found", err);
        Assert.Single(err.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public void A_file_without_a_text_column_names_line_1()
    {
        File.WriteAllText(data.PathOf("bad.csv"), "client_id,date\nA,2026-01-01\n");
        var (exit, _, err) = Run("detect", "--notes", data.PathOf("bad.csv"), "--out", data.PathOf("o.csv"));
        Assert.Equal(2, exit);
        Assert.Contains("bad.csv:1: no note text column", err);
        Assert.DoesNotContain("   at ", err);
        Assert.False(File.Exists(data.PathOf("o.csv")));
    }

    [Fact]
    public void Balanced_class_weights_are_named_in_the_report_and_an_unknown_mode_is_a_usage_error()
    {
        var stdout = RunOk("train", "--notes", data.Notes, "--class-weights", "balanced", "--out", data.PathOf("m-cw"), "--json", "--no-store");
        Assert.Equal("balanced", JsonNode.Parse(stdout)!["class_weights"]!.GetValue<string>());

        var (bad, _, err) = Run("train", "--notes", data.Notes, "--class-weights", "heavy", "--out", data.PathOf("m-cw2"));
        Assert.Equal(2, bad);
        Assert.Contains("heavy", err);
        Assert.False(Directory.Exists(data.PathOf("m-cw2")));
    }

    [Fact]
    public void An_unknown_tier_is_a_usage_error()
    {
        var (exit, _, err) = Run("train", "--notes", data.Notes, "--tier", "turbo", "--out", data.PathOf("m-t"));
        Assert.Equal(2, exit);
        Assert.Contains("turbo", err);
    }

    [Fact]
    public void A_failed_training_leaves_the_previous_bundle_untouched()
    {
        var dir = data.PathOf("m-keep");
        Assert.Equal(0, Run("train", "--notes", data.Notes, "--out", dir, "--quiet", "--no-store").Exit);
        var before = File.ReadAllBytes(Path.Combine(Clientele.Storage.Files.ModelsDirectory.Resolve(dir), "metadata.json"));
        File.WriteAllText(data.PathOf("nomatch.csv"), "client_id,purchased\nNOBODY,1\n");
        var (exit, _, err) = Run("train", "--notes", data.Notes, "--labels", data.PathOf("nomatch.csv"), "--out", dir, "--quiet", "--no-store");
        Assert.Equal(2, exit);
        Assert.Contains("no client", err);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(Clientele.Storage.Files.ModelsDirectory.Resolve(dir), "metadata.json")));
        Assert.Single(Clientele.Storage.Files.ModelsDirectory.Versions(dir));
        Assert.Empty(Directory.GetDirectories(dir, ".*.tmp-*"));
    }

    [Fact]
    public void Retraining_into_the_same_out_adds_a_version_and_never_overwrites_the_recorded_one()
    {
        var db = "Data Source=" + data.PathOf("versions.db");
        var dir = data.PathOf("m-versions");
        Assert.Equal(0, Run("train", "--notes", data.Notes, "--out", dir, "--quiet", "--db", db).Exit);
        var first = Clientele.Storage.Files.ModelsDirectory.Resolve(dir);
        var firstMetadata = File.ReadAllBytes(Path.Combine(first, "metadata.json"));
        Assert.Equal(0, Run("train", "--notes", data.Notes, "--tier", "elite", "--out", dir, "--quiet", "--db", db).Exit);

        Assert.NotEqual(first, Clientele.Storage.Files.ModelsDirectory.Resolve(dir));
        Assert.Equal(firstMetadata, File.ReadAllBytes(Path.Combine(first, "metadata.json")));
        using var store = Storage.Store.StoreFactory.Open(db);
        var versions = store.ListModelVersions();
        Assert.Equal(2, versions.Count);
        Assert.Equal(2, versions.Select(v => v.BundlePath).Distinct().Count());
        Assert.All(versions, v => Assert.NotNull(Storage.Files.DirectoryBundleStore.Load(v.BundlePath)));
    }

    [Fact]
    public void Predict_records_clients_and_predictions_in_the_store()
    {
        var db = "Data Source=" + data.PathOf("store.db");
        Assert.Equal(0, Run("train", "--notes", data.Notes, "--out", data.PathOf("m-store"), "--quiet", "--db", db).Exit);
        Assert.Equal(0, Run("predict", "--model", data.PathOf("m-store"), "--notes", data.Notes, "--out", data.PathOf("s.csv"), "--quiet", "--db", db, "--as-of", CliFixture.AsOf).Exit);
        using var store = Storage.Store.StoreFactory.Open(db);
        Assert.Equal(600, store.LatestPredictions().Count);
        Assert.Equal(Clientele.Workflows.Versions.VersionName.Of(data.PathOf("m-store")), store.ActiveModelVersion()!.Version);
    }
}
