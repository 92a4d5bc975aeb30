using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Clientele.Cli.Tests;

/// <summary>
/// Extra columns and lexicon overlays through the CLI (issue 13): a notes file with Duration, Store, Email and an
/// Outcome column that copies the label, 300 clients whose purchase goes with long meetings and the "Solenne" line.
/// </summary>
public sealed class ColumnsCliTests : IDisposable
{
    private const int Clients = 300;
    private static readonly string[] Stores = ["Paris", "London", "Tokyo"];
    private readonly string dir = Path.Combine(Path.GetTempPath(), "clientele-columns-" + Guid.NewGuid().ToString("N"));

    public ColumnsCliTests()
    {
        Directory.CreateDirectory(dir);
        var rng = new Random(1313);
        var notes = new StringBuilder("ID,Date,Duration,Language,Store,Email,Outcome,Transcription\n");
        var labels = new StringBuilder("client_id,purchased,churned,lifetime_value\n");
        for (var i = 0; i < Clients; i++)
        {
            var minutes = rng.Next(10, 90);
            var bought = rng.NextDouble() < minutes / 100.0;
            var text = (bought && rng.NextDouble() < 0.7 ? "Loved the Solenne line. " : string.Empty) + "Looking for a gift, budget 3K.";
            notes.Append(CultureInfo.InvariantCulture, $"C{i:D3},2026-0{1 + (i % 9)}-10,{minutes} min,EN,{Stores[i % 3]},c{i}@example.com,{(bought ? "won" : "lost")},\"{text}\"\n");
            labels.Append(CultureInfo.InvariantCulture, $"C{i:D3},{(bought ? 1 : 0)},{(rng.NextDouble() < 0.4 ? 1 : 0)},{(minutes * 50) + rng.Next(0, 20_000)}\n");
        }

        File.WriteAllText(Notes, notes.ToString());
        File.WriteAllText(Labels, labels.ToString());
    }

    private string Notes => Path.Combine(dir, "notes.csv");

    private string Labels => Path.Combine(dir, "labels.csv");

    private static JsonObject Column(JsonNode json, string name) =>
        json["schema"]!.AsArray().Select(c => c!.AsObject()).Single(c => c["column"]!.GetValue<string>() == name);

    [Fact]
    public void Inspect_reports_each_extra_column_its_type_and_why_it_is_not_used()
    {
        var stdout = RunOk("inspect", "--notes", Notes, "--quiet");
        Assert.Matches(@"Duration\s+numeric\s+100 %\s+\d+\s+yes", stdout);
        Assert.Matches(@"Store\s+categorical\s+100 %\s+3\s+yes", stdout);
        Assert.Matches(@"Email\s+identifier\s+.*no: identifier", stdout);

        var (jsonExit, json, _) = ClienteleApp.RunCaptured("inspect", "--notes", Notes, "--json", "--column-type", "Store=text", "--ignore-column", "Duration");
        Assert.Equal(0, jsonExit);
        var report = JsonNode.Parse(json)!;
        Assert.Equal("ignored", Column(report, "Duration")["why_not"]!.GetValue<string>());
        Assert.Equal("text", Column(report, "Store")["why_not"]!.GetValue<string>());
        Assert.False(Column(report, "Email")["used"]!.GetValue<bool>());
    }

    [Fact]
    public void Inspect_lists_what_the_purchase_history_reads_from_a_transactions_file()
    {
        var tx = Path.Combine(dir, "tx.csv");
        File.WriteAllText(tx, "client_id,date,amount,store,channel,line_id\n" + string.Concat(Enumerable.Range(0, 60).Select(i =>
            $"C{i:000},2026-01-{1 + (i % 28):00},120,{(i % 3 == 0 ? "Paris" : "Milan")},web,L{i}\n")));
        var stdout = RunOk("inspect", "--notes", Notes, "--transactions", tx, "--quiet");
        Assert.Contains("  amount: amount", stdout);
        Assert.Contains("  store: feature: categorical, 2 levels", stdout);
        Assert.Contains("  channel: detail, not a feature: constant", stdout);
        Assert.Contains("  line_id: detail, not a feature: identifier", stdout);
    }

    [Fact]
    public void Train_from_generated_transactions_uses_their_category_and_store_and_predict_reads_them_back()
    {
        var data = Path.Combine(dir, "gen");
        Assert.Equal(0, ClienteleApp.RunCaptured("generate", "--clients", "300", "--seed", "11", "--out", data).Exit);
        var notes = Path.Combine(data, "notes.csv");
        var tx = Path.Combine(data, "transactions.csv");
        var model = Path.Combine(dir, "txmodel");
        var (exit, json, stderr) = ClienteleApp.RunCaptured("train", "--notes", notes, "--transactions", tx, "--out", model, "--json", "--quiet", "--no-store");
        Assert.True(exit == 0, stderr);
        var schema = JsonNode.Parse(json)!["transaction_schema"]!.AsArray();
        Assert.Equal(["category", "store"], schema.Select(c => c!["column"]!.GetValue<string>()));
        Assert.All(schema, c => Assert.True(c!["used"]!.GetValue<bool>()));

        var scores = Path.Combine(dir, "txscores.csv");
        var predicted = ClienteleApp.RunCaptured("predict", "--model", model, "--notes", notes, "--transactions", tx, "--out", scores, "--quiet", "--no-store");
        Assert.True(predicted.Exit == 0, predicted.Err);
        Assert.True(File.ReadAllLines(scores).Length > 1);
    }

    [Theory]
    [InlineData("--ignore-column", "Shop", "--ignore-column names column 'Shop'")]
    [InlineData("--force-column", "shop", "--force-column names column 'shop'")]
    [InlineData("--column-type", "Shop=numeric", "--column-type names column 'Shop'")]
    public void A_column_option_naming_a_column_the_file_lacks_exits_2_listing_the_columns(string option, string value, string message)
    {
        var (exit, _, stderr) = ClienteleApp.RunCaptured("inspect", "--notes", Notes, option, value, "--quiet");
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr);
        Assert.Contains("[Duration, Store, Email, Outcome]", stderr);
        Assert.Contains(Notes, stderr);
    }

    [Fact]
    public void Evaluate_refuses_column_and_overlay_options_because_the_model_decides_them()
    {
        var (exit, _, stderr) = ClienteleApp.RunCaptured("evaluate", "--model", Path.Combine(dir, "none"), "--notes", Notes, "--ignore-column", "Store");
        Assert.Equal(2, exit);
        Assert.Contains("evaluate reads the model's column schema and lexicon", stderr);
    }

    [Fact]
    public void A_column_type_that_is_not_name_equals_type_is_a_usage_error()
    {
        var (exit, _, stderr) = ClienteleApp.RunCaptured("inspect", "--notes", Notes, "--column-type", "Store=colour");
        Assert.Equal(2, exit);
        Assert.Contains("numeric, categorical, date, text, ignore", stderr);
    }

    [Fact]
    public void Train_writes_the_schema_leaves_a_leaking_column_out_unless_forced_and_predict_names_columns_in_reasons()
    {
        var model = Path.Combine(dir, "m");
        var stdout = RunOk("train", "--notes", Notes, "--labels", Labels, "--tier", "fast", "--out", model, "--no-store", "--json", "--ignore-column", "Store");
        var json = JsonNode.Parse(stdout)!;
        Assert.Equal("leakage", Column(json, "Outcome")["why_not"]!.GetValue<string>());
        Assert.True(Column(json, "Outcome")["single_column_score"]!.GetValue<double>() >= 0.98);
        Assert.Equal("ignored", Column(json, "Store")["why_not"]!.GetValue<string>());
        Assert.True(Column(json, "Duration")["used"]!.GetValue<bool>());

        var scores = Path.Combine(dir, "s.csv");
        RunOk("predict", "--model", model, "--notes", Notes, "--out", scores, "--no-store", "--quiet");
        Assert.Contains("Duration: ", File.ReadAllText(scores));

        var forced = RunOk("train", "--notes", Notes, "--labels", Labels, "--tier", "fast", "--out", Path.Combine(dir, "f"), "--no-store", "--json", "--force-column", "Outcome");
        Assert.True(Column(JsonNode.Parse(forced)!, "Outcome")["used"]!.GetValue<bool>());
        Assert.True(Column(JsonNode.Parse(forced)!, "Outcome")["forced"]!.GetValue<bool>());
    }

    [Fact]
    public void Suggested_concepts_load_as_an_overlay_that_train_records_and_predict_checks()
    {
        var overlay = Path.Combine(dir, "overlay.csv");
        var stdout = RunOk("suggest-concepts", "--notes", Notes, "--labels", Labels, "--out", overlay);
        Assert.Contains("ranked by association with purchased", stdout);
        var rows = File.ReadAllLines(overlay);
        Assert.StartsWith("concept_id,label,aliases,languages,freq_notes,examples,category", rows[0]);
        Assert.Contains(rows.Skip(1).Take(3), r => r.Contains("solenne", StringComparison.Ordinal));

        var model = Path.Combine(dir, "o");
        RunOk("train", "--notes", Notes, "--labels", Labels, "--out", model, "--no-store", "--quiet", "--lexicon-overlay", overlay);
        Assert.Contains("maison.0001", File.ReadAllText(Path.Combine(Clientele.Storage.Files.ModelsDirectory.Resolve(model), "lexicon.csv")));
        RunOk("detect", "--notes", Notes, "--out", Path.Combine(dir, "c.csv"), "--lexicon-overlay", overlay, "--quiet");
        Assert.Contains(",maison.", File.ReadAllText(Path.Combine(dir, "c.csv")));

        var other = Path.Combine(dir, "other.csv");
        File.WriteAllText(other, "concept_id,label,aliases,category\nmaison.x,Orvane,orvane clasp,product\n");
        var (predictExit, _, predictErr) = ClienteleApp.RunCaptured("predict", "--model", model, "--notes", Notes, "--out", Path.Combine(dir, "p.csv"), "--no-store", "--lexicon-overlay", other);
        Assert.Equal(2, predictExit);
        Assert.Contains("not trained with this overlay", predictErr);
        Assert.False(File.Exists(Path.Combine(dir, "p.csv")));
    }

    [Fact]
    public void Suggested_concepts_rank_by_the_outcomes_transactions_give_after_the_cutoff()
    {
        // Every client bought once before the cutoff (2026-12-31 − 90 days); those whose note names "Velmoria" bought
        // again after it, those naming "Quistral" did not. Only outcomes from the transactions can tell the two apart.
        var notes = new StringBuilder("ID,Date,Transcription\n");
        var tx = new StringBuilder("client_id,date,amount\n");
        for (var i = 0; i < 200; i++)
        {
            var line = i % 2 == 0 ? "Velmoria" : "Quistral";
            notes.Append(CultureInfo.InvariantCulture, $"T{i:D3},2026-0{1 + (i % 9)}-12,\"Asked about the {line} pieces, budget 3K.\"\n");
            tx.Append(CultureInfo.InvariantCulture, $"T{i:D3},2026-02-01,{1000 + i}\n");
            if (i % 2 == 0)
            {
                tx.Append(CultureInfo.InvariantCulture, $"T{i:D3},2026-11-20,2500\n");
            }
        }

        var notesPath = Path.Combine(dir, "tnotes.csv");
        var txPath = Path.Combine(dir, "tx.csv");
        File.WriteAllText(notesPath, notes.ToString());
        File.WriteAllText(txPath, tx.ToString());
        var overlay = Path.Combine(dir, "tx-overlay.csv");
        var stdout = RunOk("suggest-concepts", "--notes", notesPath, "--transactions", txPath, "--as-of", "2026-12-31",
            "--horizon-days", "90", "--churn-days", "90", "--value-days", "90", "--out", overlay);
        Assert.Contains("ranked by association with purchased", stdout);
        var rows = File.ReadAllLines(overlay).Skip(1).ToList();
        double LogOdds(string phrase) => double.Parse(rows.Single(r => r.Split(',')[1] == phrase).Split(',')[8], CultureInfo.InvariantCulture);
        Assert.True(LogOdds("velmoria") > 2, string.Join('\n', rows));
        Assert.True(LogOdds("quistral") < -2, string.Join('\n', rows));

        var (bad, _, badErr) = ClienteleApp.RunCaptured("suggest-concepts", "--notes", notesPath, "--transactions", txPath, "--horizon-days", "0", "--out", overlay);
        Assert.Equal(2, bad);
        Assert.Contains("--horizon-days", badErr);
    }

    [Fact]
    public void A_bad_overlay_row_exits_2_naming_the_file_line_and_column()
    {
        var overlay = Path.Combine(dir, "bad.csv");
        File.WriteAllText(overlay, "concept_id,label,aliases,category\nmaison.a,Solenne,solenne,product\nmaison.b,Orvane,orvane,jewels\n");
        var (exit, _, stderr) = ClienteleApp.RunCaptured("detect", "--notes", Notes, "--out", Path.Combine(dir, "c.csv"), "--lexicon-overlay", overlay, "--quiet");
        Assert.Equal(2, exit);
        Assert.Contains("bad.csv", stderr);
        Assert.Contains("3", stderr);
        Assert.Contains("category 'jewels' is not one of", stderr);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
