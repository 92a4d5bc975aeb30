using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using Spectre.Console.Cli;

namespace Clientele.Cli.Tests;

/// <summary>Issue 14 on the command line: allowed rejections told, outputs that are not regular files, formulas, negation, verdicts, help.</summary>
public sealed class NothingSilentTests(CliFixture data) : IClassFixture<CliFixture>
{
    private static readonly string[] Booleans = ["true", "false"];
    private static readonly char[] DescriptionSeparators = [' ', '|'];
    private static readonly char[] HelpSeparators = [' ', '\n', '\r', '|'];

    private const string Good = "ID,Date,Transcription\nA1,2026-01-02,\"Wants a handbag in black\"\nA2,2026-01-03,\"Loves silk scarves\"\n";

    private string Write(string name, string text)
    {
        var path = data.PathOf(name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Rejected_rows_allowed_by_max_bad_rows_are_listed_on_stderr_with_their_line()
    {
        var notes = Write("allowed.csv", Good + ",2026-01-05,\"no id here\"\n");
        var (exit, _, err) = Run("detect", "--notes", notes, "--out", data.PathOf("allowed-c.csv"), "--max-bad-rows", "1", "--quiet");
        Assert.True(exit == 0, err);
        Assert.Contains("3 rows read, 2 accepted, 1 rejected", err, StringComparison.Ordinal);
        Assert.Contains("allowed.csv:4", err, StringComparison.Ordinal);
        Assert.Contains("as allowed by --max-bad-rows 1", err, StringComparison.Ordinal);
        Assert.DoesNotContain("no id here", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_share_allowance_passes_a_file_under_it()
    {
        var notes = Write("share.csv", Good + ",2026-01-05,\"x\"\n");
        Assert.Equal(0, Run("detect", "--notes", notes, "--out", data.PathOf("share-c.csv"), "--max-bad-rows", "50%", "--quiet").Exit);
        Assert.Equal(2, Run("detect", "--notes", notes, "--out", data.PathOf("share-d.csv"), "--max-bad-rows", "10%", "--quiet").Exit);
    }

    [Fact]
    public void Merge_extra_fields_rejoins_the_cut_note_text_and_warns()
    {
        var notes = Write("merge.csv", "ID,Transcription\nA1,Wants a handbag in black, budget 5K\n");
        var (exit, stdout, err) = Run("detect", "--notes", notes, "--out", data.PathOf("merge-c.csv"), "--merge-extra-fields", "--json", "--quiet");
        Assert.True(exit == 0, err);
        Assert.Contains("rejoined into the note text", err, StringComparison.Ordinal);
        var concepts = File.ReadAllText(data.PathOf("merge-c.csv"));
        Assert.Contains("budget", concepts, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, JsonNode.Parse(stdout)!["notes"]!.GetValue<int>());
    }

    [Fact]
    public void Too_few_labels_fit_only_with_allow_small()
    {
        var few = data.PathOf("few-labels.csv");
        File.WriteAllLines(few, File.ReadLines(data.Labels).Take(31));
        var (refused, _, err) = Run("train", "--notes", data.Notes, "--labels", few, "--out", data.PathOf("m-few"), "--quiet", "--no-store");
        Assert.Equal(2, refused);
        Assert.Contains("30 clients with a label (at least 50 needed)", err, StringComparison.Ordinal);
        Assert.Equal(0, Run("train", "--notes", data.Notes, "--labels", few, "--out", data.PathOf("m-few"), "--quiet", "--no-store", "--allow-small").Exit);
    }

    [Fact]
    public void Out_dev_null_is_written_directly_and_stays_a_device()
    {
        if (!File.Exists("/dev/null"))
        {
            return;
        }

        RunOk("detect", "--notes", data.Notes, "--out", "/dev/null", "--quiet");
        Assert.Equal(Storage.Files.FileKindValue.Special, Storage.Files.FileKind.Of("/dev/null"));
    }

    [Fact]
    public void Out_through_a_symlink_replaces_the_target_and_keeps_the_link()
    {
        var target = Write("link-target.csv", "old\n");
        var link = data.PathOf("link.csv");
        File.CreateSymbolicLink(link, target);
        RunOk("detect", "--notes", data.Notes, "--out", link, "--quiet");
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.StartsWith("client_id,concept_id", File.ReadAllText(target), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_to_a_fifo_is_written_directly_to_its_reader()
    {
        var fifo = data.PathOf("out.fifo");
        using (var mk = Process.Start(new ProcessStartInfo("mkfifo", fifo) { UseShellExecute = false }))
        {
            mk!.WaitForExit();
            if (mk.ExitCode != 0)
            {
                return; // no mkfifo here
            }
        }

        var reader = Task.Run(() => File.ReadAllText(fifo));
        RunOk("detect", "--notes", data.Notes, "--out", fifo, "--quiet");
        var text = await reader.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.StartsWith("client_id,concept_id", text, StringComparison.Ordinal);
        Assert.Equal(Storage.Files.FileKindValue.Special, Storage.Files.FileKind.Of(fifo));
    }

    [Fact]
    public void Detect_with_too_many_bad_rows_after_thousands_of_good_ones_keeps_the_old_output_and_leaves_no_file_behind()
    {
        // The rows stream into the output: the good notes' rows are written before the bad rows are read.
        var text = new System.Text.StringBuilder("ID,Date,Transcription\n");
        for (var i = 0; i < 5000; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"C{i},2026-01-02,\"Wants a handbag in black\"\n");
        }

        text.Append(",2026-01-05,\"no id\"\n,2026-01-06,\"no id either\"\n");
        var notes = Write("late-bad.csv", text.ToString());
        var folder = data.PathOf("late-bad-out");
        Directory.CreateDirectory(folder);
        var output = Path.Combine(folder, "concepts.csv");
        File.WriteAllText(output, "old content\n");

        var (exit, _, err) = Run("detect", "--notes", notes, "--out", output, "--max-bad-rows", "1", "--quiet");

        Assert.Equal(2, exit);
        Assert.True(err.Contains("line 5003 column 1: blank client id", StringComparison.Ordinal), err);
        Assert.Equal("old content\n", File.ReadAllText(output));
        Assert.Equal([output], Directory.GetFiles(folder));
    }

    [Fact]
    public void Detect_of_a_file_whose_every_row_is_rejected_writes_no_file()
    {
        var notes = Write("all-bad.csv", "ID,Date,Transcription\n,2026-01-05,\"no id\"\n");
        var output = data.PathOf("all-bad-c.csv");

        var (exit, _, err) = Run("detect", "--notes", notes, "--out", output, "--max-bad-rows", "5", "--quiet");

        Assert.Equal(2, exit);
        Assert.Contains("none of the 1 rows is usable", err, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Out_dash_writes_the_concepts_on_stdout_and_the_summary_on_stderr()
    {
        var (exit, stdout, err) = Run("detect", "--notes", Write("dash.csv", Good), "--out", "-", "--quiet");
        Assert.True(exit == 0, err);
        Assert.StartsWith("client_id,concept_id,label,category,matched_alias,start,end,negated\n", stdout, StringComparison.Ordinal);
        Assert.Contains("concepts in 2 notes", err, StringComparison.Ordinal);
        Assert.False(File.Exists(data.PathOf("-")));
    }

    [Fact]
    public void Detect_marks_a_negated_concept_in_its_negated_column()
    {
        var notes = Write("neg.csv", "ID,Transcription\nN1,\"Cliente pas fan de noir, préfère le rouge\"\nN2,\"Adore le noir\"\n");
        RunOk("detect", "--notes", notes, "--out", data.PathOf("neg-c.csv"), "--quiet");
        var rows = File.ReadAllLines(data.PathOf("neg-c.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(rows, r => Assert.Contains(r[^1], Booleans));
        Assert.Contains(rows, r => r[0] == "N1" && r[4].Equals("noir", StringComparison.OrdinalIgnoreCase) && r[^1] == "true");
        Assert.Contains(rows, r => r[0] == "N2" && r[4].Equals("noir", StringComparison.OrdinalIgnoreCase) && r[^1] == "false");
    }

    [Fact]
    public void A_formula_hidden_after_a_semicolon_in_an_id_never_starts_a_cell()
    {
        var notes = Write("formula.csv", "ID,Transcription\n\"x;=cmd|'/C calc'!A0;\",\"Adore le noir\"\n\"@SUM(1+1)\",\"Adore le noir\"\n\"a\t+1+cmd\",\"Adore le noir\"\n");
        RunOk("detect", "--notes", notes, "--out", data.PathOf("formula-c.csv"), "--quiet");
        foreach (var line in File.ReadAllLines(data.PathOf("formula-c.csv")).Skip(1))
        {
            foreach (var cell in line.Split(',', ';', '\t'))
            {
                var c = cell.TrimStart('"');
                Assert.False(c.Length > 0 && c[0] is '=' or '+' or '-' or '@', $"'{cell}' in {line}");
            }
        }
    }

    [Fact]
    public void Compare_verdict_comes_with_a_bootstrap_interval_and_is_within_noise_when_it_holds_zero()
    {
        var stdout = RunOk("compare", "--notes", data.Notes, "--labels", data.Labels, "--json", "--quiet", "--no-store");
        var json = JsonNode.Parse(stdout)!;
        var purchased = json["verdict"]!["purchased"]!;
        var auc = purchased["elite_minus_fast_auc"]!;
        var low = auc["low"]!.GetValue<double>();
        var high = auc["high"]!.GetValue<double>();
        Assert.True(low <= auc["difference"]!.GetValue<double>() && auc["difference"]!.GetValue<double>() <= high);
        Assert.NotNull(purchased["elite_minus_fast_log_loss"]);
        var logLoss = purchased["elite_minus_fast_log_loss"]!;
        var bothHoldZero = low <= 0 && high >= 0 && logLoss["low"]!.GetValue<double>() <= 0 && logLoss["high"]!.GetValue<double>() >= 0;
        Assert.Equal(bothHoldZero, purchased["verdict"]!.GetValue<string>() == "within noise");
        Assert.True(purchased["test_clients"]!.GetValue<int>() > 0);
        Assert.Equal("labels.csv", Path.GetFileName(json["label_source"]!.GetValue<string>()));
        Assert.Null(json["note"]);
    }

    [Fact]
    public void Evaluate_counts_the_clients_the_model_trained_on_and_measures_the_unseen_ones_apart()
    {
        var half = data.PathOf("half");
        Directory.CreateDirectory(half);
        Clientele.TestKit.SyntheticNotes.WriteFiles(half, clients: 300, seed: 5);
        var model = data.PathOf("m-overlap");
        Assert.Equal(0, Run("train", "--notes", Path.Combine(half, "notes.csv"), "--labels", Path.Combine(half, "labels.csv"), "--out", model, "--quiet").Exit);
        var trainedIds = File.ReadLines(Path.Combine(half, "labels.csv")).Skip(1).Select(l => l.Split(',')[0]).ToHashSet(StringComparer.Ordinal);
        var evaluatedIds = File.ReadLines(data.Labels).Skip(1).Select(l => l.Split(',')[0]).ToList();
        var expectedOverlap = evaluatedIds.Count(trainedIds.Contains);
        Assert.InRange(expectedOverlap, 1, evaluatedIds.Count - 1);

        var (exit, json, err) = Run("evaluate", "--notes", data.Notes, "--labels", data.Labels, "--model", model, "--quiet", "--json");
        Assert.True(exit == 0, err);
        var doc = JsonNode.Parse(json)!;
        Assert.True(doc["overlap"]!["known"]!.GetValue<bool>());
        Assert.Equal(evaluatedIds.Count, doc["overlap"]!["evaluated"]!.GetValue<int>());
        Assert.Equal(expectedOverlap, doc["overlap"]!["in_training"]!.GetValue<int>());
        Assert.NotNull(doc["metrics_unseen"]!["purchased"]!["auc"]);
        Assert.Contains($"{expectedOverlap} of {evaluatedIds.Count} evaluated clients were in this model's training data", err, StringComparison.Ordinal);
        // The bundle keeps no client id, only keyed hashes.
        var bundle = Clientele.Storage.Files.ModelsDirectory.Resolve(model);
        Assert.DoesNotContain(evaluatedIds[0], File.ReadAllText(Path.Combine(bundle, "trained_on.txt")), StringComparison.Ordinal);

        var (_, fresh, freshErr) = Run("evaluate", "--notes", Path.Combine(half, "notes.csv"), "--labels", Path.Combine(half, "labels.csv"), "--model", model, "--quiet", "--json");
        Assert.Equal(300, JsonNode.Parse(fresh)!["overlap"]!["in_training"]!.GetValue<int>());
        Assert.Contains("300 of 300", freshErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_prints_a_table_unless_json_and_smart_labels_carry_a_note()
    {
        var model = data.PathOf("m-eval");
        Assert.Equal(0, Run("train", "--notes", data.Notes, "--out", model, "--quiet", "--no-store").Exit);
        var stdout = RunOk("evaluate", "--notes", data.Notes, "--model", model, "--quiet");
        Assert.Contains("accuracy", stdout, StringComparison.Ordinal);
        Assert.Contains("baseline", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("{", stdout.Split('\n')[1], StringComparison.Ordinal);
        Assert.Contains("documented labelling rule", stdout, StringComparison.Ordinal);
        var (_, json, _) = Run("evaluate", "--notes", data.Notes, "--model", model, "--quiet", "--json");
        var doc = JsonNode.Parse(json)!;
        Assert.Equal("smart", doc["label_source"]!.GetValue<string>());
        Assert.Contains("documented labelling rule", doc["note"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_verb_prints_the_help_and_exits_2()
    {
        var (exit, stdout, err) = Run();
        Assert.Equal(2, exit);
        Assert.Contains("USAGE:", stdout, StringComparison.Ordinal);
        Assert.Contains("detect", stdout, StringComparison.Ordinal);
        Assert.Contains("no command given", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("detect", typeof(Commands.DetectSettings))]
    [InlineData("evaluate", typeof(Commands.EvaluateSettings))]
    [InlineData("compare", typeof(Commands.CompareSettings))]
    [InlineData("demo", typeof(Commands.DemoSettings))]
    [InlineData("serve", typeof(Commands.ServeSettings))]
    [InlineData("bench", typeof(Commands.BenchSettings))]
    public void Help_describes_every_option_and_breaks_no_word_at_80_columns(string verb, Type settings)
    {
        var options = settings.GetProperties().Where(p => p.GetCustomAttribute<CommandOptionAttribute>() is not null).ToList();
        Assert.All(options, p => Assert.False(string.IsNullOrWhiteSpace(p.GetCustomAttribute<System.ComponentModel.DescriptionAttribute>()?.Description), p.Name));

        // Every word the help shows must be a word of the texts it comes from: a word split across two lines is not.
        var words = new HashSet<string>(StringComparer.Ordinal) { "DEFAULT", "Prints", "help", "information", "-h,", "--help" };
        foreach (var p in options)
        {
            var a = p.GetCustomAttribute<CommandOptionAttribute>()!;
            var text = string.Join(' ', a.LongNames.Select(n => "--" + n).Concat(a.ShortNames.Select(n => "-" + n + ","))) + (a.ValueName is null ? string.Empty : " <" + a.ValueName + ">") + " " + p.GetCustomAttribute<System.ComponentModel.DescriptionAttribute>()!.Description + " "
                + p.GetCustomAttribute<System.ComponentModel.DefaultValueAttribute>()?.Value;
            foreach (var w in text.Split(DescriptionSeparators, StringSplitOptions.RemoveEmptyEntries))
            {
                words.Add(w.TrimEnd('.'));
            }
        }

        var (exit, stdout, _) = Run(verb, "--help");
        Assert.Equal(0, exit);
        var section = stdout[(stdout.IndexOf("OPTIONS:", StringComparison.Ordinal) + "OPTIONS:".Length)..];
        Assert.All(section.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, line));
        foreach (var w in section.Split(HelpSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.True(words.Contains(w.TrimEnd('.')) || words.Any(x => x.Split(',').Contains(w.TrimEnd('.'))), $"'{w}' in {verb} --help is not a whole word of its descriptions");
        }
    }

    [Fact]
    public void Required_options_are_marked_required_in_their_description()
    {
        foreach (var (type, option) in new[] { (typeof(Commands.DetectSettings), "Out"), (typeof(Commands.DetectSettings), "Notes"), (typeof(Commands.EvaluateSettings), "Model") })
        {
            var description = type.GetProperty(option)!.GetCustomAttribute<System.ComponentModel.DescriptionAttribute>()!.Description;
            Assert.EndsWith("(required)", description, StringComparison.Ordinal);
        }
    }
}
