using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Clientele.Cli.Infrastructure;
using Clientele.Core.Bundles;
using Clientele.Core.Concepts;
using Clientele.Core.Evaluation;
using Clientele.Core.Features;
using Clientele.Core.Ingest;
using Clientele.Core.Labels;
using Clientele.Core.Lexicon;
using Clientele.Core.Profiles;
using Clientele.Core.Scoring;
using Clientele.Core.Training;
using Clientele.Synthetic;
using Clientele.Workflows.Notes;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="BenchCommand"/>.</summary>
public sealed class BenchSettings : CommandSettings
{
    [CommandOption("--quick")]
    [Description("Skip the 1,000,000-client batch and use 3 runs (default 5).")]
    public bool Quick { get; init; }

    [CommandOption("--notes <FILE>")]
    [Description("Notes for the 2,000-client figures (default: the extended test file in ../shared/data when present, else generated).")]
    public string? Notes { get; init; }

    [CommandOption("--reference <FILE>")]
    [Description("The reference script, seed_pipeline.py (default: the one in ../shared/reference when present).")]
    public string? Reference { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Where to write the JSON results.")]
    [DefaultValue("bench-results.json")]
    public string Out { get; init; } = "bench-results.json";

    [CommandOption("--splits <K>")]
    [Description("Also compare with the reference on K more seeded 80/20 splits, mean ± sd (default 5; 0 with --quick).")]
    public int? Splits { get; init; }

    [CommandOption("--commands")]
    [Description("Time the user's commands as whole processes of the built binary (train, predict 2,000 and 100,000 with and without the store, detect) instead of the in-process kernels.")]
    public bool Commands { get; init; }

    [CommandOption("--runs <N>")]
    [Description("Runs per command with --commands (median reported; default 3).")]
    public int? Runs { get; init; }

    [CommandOption("--pg <CONNECTION>")]
    [Description("With --commands: also time predict 100,000 into this PostgreSQL database.")]
    public string? Pg { get; init; }

    [CommandOption("--sizes <LIST>")]
    [Description("Client counts for the batch-scoring curve (comma-separated).")]
    public string? Sizes { get; init; }

    public override Spectre.Console.ValidationResult Validate() =>
        Runs is < 1 or > 50 ? Spectre.Console.ValidationResult.Error("--runs must be 1..50")
        : !Commands && (Runs is not null || Pg is not null) ? Spectre.Console.ValidationResult.Error("--runs and --pg go with --commands")
        : base.Validate();
}

/// <summary>
/// <c>clientele bench</c>: end-to-end figures in one run on the same data — detection throughput, Fast and
/// Elite training (features included), scoring 2,000 clients cold and warm, batch scoring of generated
/// clients with peak working set — and the reference measured in the same run when python3 has sklearn.
/// Medians of several runs. Micro-benchmarks of hot paths live in bench/ (BenchmarkDotNet).
/// </summary>
public sealed class BenchCommand : Command<BenchSettings>
{
    public override int Execute(CommandContext context, BenchSettings settings, CancellationToken cancellationToken)
    {
        var runs = settings.Quick ? 3 : 5;
        var results = new JsonObject { ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}", ["runs"] = runs };
        var work = Path.Combine(Path.GetTempPath(), "clientele-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        try
        {
            var notesPath = settings.Notes ?? FirstExisting("../shared/data/LVMH_Extended_Test.csv", "../../shared/data/LVMH_Extended_Test.csv");
            string? sampleLabels = null;
            if (notesPath is null)
            {
                notesPath = Path.Combine(work, "notes2000.csv");
                sampleLabels = Path.Combine(work, "labels2000.csv");
                Generate(2000, notesPath, sampleLabels);
            }

            if (settings.Commands)
            {
                var script = settings.Reference ?? FirstExisting("../shared/reference/seed_pipeline.py", "../../shared/reference/seed_pipeline.py");
                var whole = WholeCommandBench.Run(work, Path.GetFullPath(notesPath), sampleLabels, settings.Runs ?? 3, settings.Pg,
                    script is not null && PythonHasSklearn() ? Path.GetFullPath(script) : null, Say);
                results["whole_commands"] = whole;
                File.WriteAllText(settings.Out, results.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
                Say($"results → {settings.Out}");
                return 0;
            }

            var lexicon = LexiconCsv.LoadBuiltin();
            var matcher = ConceptMatcher.Build(lexicon);
            var bytes = File.ReadAllBytes(notesPath);
            var notes = Read(bytes, notesPath);
            results["notes_file"] = notesPath;

            // Detection throughput: MB of UTF-8 note text per second, one core.
            var textBytes = notes.Sum(n => (long)System.Text.Encoding.UTF8.GetByteCount(n.Text));
            var matches = new List<ConceptMatch>();
            var scratch = new List<ConceptMatch>();
            void DetectAll()
            {
                foreach (var n in notes)
                {
                    matches.Clear();
                    matcher.Match(n.Text, matches, scratch);
                }
            }

            // Warm up until the JIT has promoted the matcher to optimised code (tiered compilation), then time 5 passes a run.
            for (var i = 0; i < 30; i++)
            {
                DetectAll();
            }

            var detect = Median(runs, () =>
            {
                for (var i = 0; i < 5; i++)
                {
                    DetectAll();
                }
            }) / 5;
            results["detect_mb_per_s_per_core"] = Round(textBytes / 1e6 / detect);
            Say($"concept detection: {textBytes / 1e6:0.00} MB in {detect * 1000:0.0} ms → {textBytes / 1e6 / detect:0.0} MB/s on one core");

            var profiles = ProfileBuilder.FromNotes(matcher, notes);
            var labels = SmartLabeler.Label(profiles, lexicon, Core.Defaults.Seed);
            var bundles = new Dictionary<Tier, ModelBundle>();
            foreach (var tier in new[] { Tier.Fast, Tier.Elite })
            {
                TrainedModel? trained = null;
                var cold = Time(() => trained = Trainer.Train(profiles, lexicon, labels, null, new TrainingOptions { Tier = tier }));
                var warm = Median(runs, () => trained = Trainer.Train(profiles, lexicon, labels, null, new TrainingOptions { Tier = tier }));
                bundles[tier] = ModelBundle.FromTraining(trained!, Core.Defaults.Seed, "bench", ReportJson.Build(trained!.Report), DateTimeOffset.UnixEpoch);
                var name = tier.ToString().ToLowerInvariant();
                results[$"train_{name}_s"] = Round(warm);
                results[$"train_{name}_cold_s"] = Round(cold);
                results[$"train_{name}_metrics"] = ReportJson.Build(trained.Report)["metrics"]!.DeepClone();
                Say($"train {name} (features + 3 targets, 2,000 clients): {warm:0.000} s warm median, {cold:0.000} s first run");

                // End to end: CSV bytes → notes → concepts → features → scores (with reasons).
                var scorer = new Scorer(bundles[tier]);
                var e2eCold = Time(() => scorer.Score(ProfileBuilder.FromNotes(matcher, Read(bytes, notesPath))));
                var e2eEarly = Median(runs + 2, () => scorer.Score(ProfileBuilder.FromNotes(matcher, Read(bytes, notesPath))));

                // As for detection: tiered JIT promotes the scoring path only after some calls (about 15 with PGO
                // on 2 cores), so "warm" is measured once it has; the calls right after the first stay reported too.
                for (var i = 0; i < ScoringWarmUpCalls; i++)
                {
                    scorer.Score(ProfileBuilder.FromNotes(matcher, Read(bytes, notesPath)));
                }

                var e2e = Median(runs + 2, () => scorer.Score(ProfileBuilder.FromNotes(matcher, Read(bytes, notesPath))));
                results[$"score_2000_{name}_warm_ms"] = Round(e2e * 1000);
                results[$"score_2000_{name}_early_ms"] = Round(e2eEarly * 1000);
                results[$"score_2000_{name}_cold_ms"] = Round(e2eCold * 1000);
                Say($"score 2,000 clients end to end ({name}): {e2e * 1000:0.0} ms warm median, {e2eEarly * 1000:0.0} ms median of calls 2–{runs + 3}, {e2eCold * 1000:0.0} ms first call");
            }

            var sizes = (settings.Sizes ?? (settings.Quick ? "10000,100000" : "10000,100000,1000000"))
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
            var curve = new JsonArray();
            foreach (var n in sizes)
            {
                var path = Path.Combine(work, $"notes{n}.csv");
                Generate(n, path, Path.Combine(work, $"labels{n}.csv"));
                GC.Collect();
                var peakBefore = Process.GetCurrentProcess().PeakWorkingSet64;
                var sw = Stopwatch.StartNew();
                var scored = BatchScore(bundles[Tier.Fast], matcher, path);
                var seconds = sw.Elapsed.TotalSeconds;
                if (scored != n)
                {
                    throw new InvalidOperationException($"batch scoring returned {scored:N0} scores for {n:N0} generated clients");
                }

                var peak = Process.GetCurrentProcess().PeakWorkingSet64;
                curve.Add(new JsonObject { ["clients"] = n, ["seconds"] = Round(seconds), ["clients_per_s"] = Round(n / seconds), ["peak_working_set_mb"] = Round(Math.Max(peak, peakBefore) / 1048576.0) });
                Say($"batch score {n:N0} clients (fast, no reasons, CSV → scores): {seconds:0.00} s, {n / seconds:N0} clients/s, peak working set {peak / 1048576.0:N0} MB");
                File.Delete(path);
            }

            results["batch_scoring"] = curve;

            // Fast training on 100,000 generated clients (issue target: ≤ 60 s).
            var bigPath = Path.Combine(work, "train100k.csv");
            var bigLabels = Path.Combine(work, "train100k-labels.csv");
            Generate(100_000, bigPath, bigLabels);
            var bigProfiles = ProfileBuilder.FromNotes(matcher, Read(File.ReadAllBytes(bigPath), bigPath));
            var bigLabelSet = LabelsCsv.Read(new StreamReader(bigLabels), bigLabels, new IngestReport(bigLabels));
            var train100k = Time(() => Trainer.Train(bigProfiles, lexicon, bigLabelSet, null, new TrainingOptions { Tier = Tier.Fast }));
            results["train_fast_100k_s"] = Round(train100k);
            Say($"train fast on 100,000 generated clients: {train100k:0.0} s");

            var reference = settings.Reference ?? FirstExisting("../shared/reference/seed_pipeline.py", "../../shared/reference/seed_pipeline.py");
            if (reference is not null && File.Exists(reference) && PythonHasSklearn())
            {
                results["reference"] = Reference(reference, notesPath, work, runs, settings.Splits ?? (settings.Quick ? 0 : 5));
            }
            else
            {
                Say("reference: skipped (needs ../shared/reference/seed_pipeline.py and python3 with scikit-learn)");
            }

            File.WriteAllText(settings.Out, results.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            Say($"results → {settings.Out}");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Scoring calls before the warm figure: enough for tiered JIT to promote the scoring path (measured: ~15).</summary>
    private const int ScoringWarmUpCalls = 20;

    private static JsonObject Reference(string script, string notesPath, string work, int runs, int splits)
    {
        var concepts = Path.Combine(work, "concepts.csv");
        var labels = Path.Combine(work, "ref-labels.csv");
        var split = Path.Combine(work, "ref-split.csv");
        var result = new JsonObject();
        // The reference is run on concepts from its own lexicon when it sits beside the script, so both systems see the same input.
        var refLexicon = FirstExisting(Path.Combine(Path.GetDirectoryName(script)!, "../data/lexicon_v1.csv"));
        var detectLexicon = Inputs.Lexicon(refLexicon);
        var (detectNotes, detectReport) = Inputs.Notes(notesPath);
        Inputs.Tell(detectReport);
        Storage.Files.AtomicFile.WriteText(concepts, w => DetectConcepts.Run(detectLexicon, detectNotes, w));
        foreach (var tier in new[] { "fast", "elite" })
        {
            var json = RunPython(script, "--concepts", concepts, "--tier", tier, "--labels-out", labels, "--split-out", split, "--repeat", runs.ToString(CultureInfo.InvariantCulture));
            var seconds = json["seconds_median"] ?? json["seconds"];
            var refTrain = seconds!["train_total"]!.GetValue<double>() + seconds["features"]!.GetValue<double>();
            var trainTimes = new List<double>();
            JsonNode? mine = null;
            var training = new TrainingSettings { Notes = notesPath, Labels = labels, Holdout = split, Lexicon = refLexicon, Json = true, NoStore = true };
            for (var i = 0; i < runs; i++)
            {
                mine = Pipeline.TrainVersion(training, ParseTier(tier), Path.Combine(work, "ref-" + tier), DateTimeOffset.UtcNow, new StageProgress(quiet: true),
                    new Dictionary<string, double>(StringComparer.Ordinal)).Report;
                trainTimes.Add(mine["seconds"]!["train_total"]!.GetValue<double>() + mine["seconds"]!["features"]!.GetValue<double>());
            }

            trainTimes.Sort();
            var ourTrain = trainTimes[trainTimes.Count / 2];
            result[tier] = new JsonObject
            {
                ["reference_train_s"] = Round(refTrain),
                ["ours_train_s"] = Round(ourTrain),
                ["speedup"] = Round(refTrain / ourTrain),
                ["reference_metrics"] = json["metrics"]!.DeepClone(),
                ["ours_metrics"] = mine!["metrics"]!.DeepClone(),
                ["reference_score_all_s"] = seconds["score_all_clients"]?.DeepClone(),
            };
            Say($"reference {tier}: train {refTrain:0.00} s vs ours {ourTrain:0.000} s ({refTrain / ourTrain:0.0}×); AUC/R² ref {Headline(json["metrics"]!)} vs ours {Headline(mine["metrics"]!)}");
            if (splits > 0)
            {
                result[tier]!["more_splits"] = SplitComparison.Run(tier, labels, splits, work, args => RunPython(script, ["--concepts", concepts, .. args]),
                    (holdout, outDirectory) => Pipeline.TrainVersion(
                        new TrainingSettings { Notes = notesPath, Labels = labels, Holdout = holdout, Lexicon = refLexicon, Json = true, NoStore = true },
                        ParseTier(tier), outDirectory, DateTimeOffset.UtcNow, new StageProgress(quiet: true), new Dictionary<string, double>(StringComparer.Ordinal)).Report,
                    Say);
            }
        }

        return result;
    }

    private static Tier ParseTier(string tier) => tier == "elite" ? Tier.Elite : Tier.Fast;

    private static readonly string[] BinaryTargets = ["purchased", "churned"];

    private static string Headline(JsonNode m) =>
        string.Join(" ", BinaryTargets.Select(t => m[t]?["auc"]?.GetValue<double>().ToString("0.000", CultureInfo.InvariantCulture) ?? "–"))
        + " " + (m["lifetime_value"]?["r2"]?.GetValue<double>().ToString("0.000", CultureInfo.InvariantCulture) ?? "–");

    private static JsonNode RunPython(string script, params string[] args)
    {
        var psi = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(script);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return JsonNode.Parse(output) ?? throw new InvalidOperationException("reference printed no JSON");
    }

    /// <summary>Debian's python3 carries python3-sklearn; a pyenv python3 earlier on PATH usually does not.</summary>
    private static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    private static bool PythonHasSklearn()
    {
        try
        {
            var psi = new ProcessStartInfo(Python, ["-c", "import sklearn, pandas"]) { RedirectStandardError = true, RedirectStandardOutput = true };
            using var p = Process.Start(psi)!;
            p.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Streams a notes file into profiles, then scores in batches: the path a nightly job takes.</summary>
    private static int BatchScore(ModelBundle bundle, ConceptMatcher matcher, string path)
    {
        var builder = new ProfileBuilder(matcher);
        using (var reader = CsvInput.OpenText(File.OpenRead(path)))
        {
            builder.AddRange(NotesCsv.Read(reader, path, new IngestReport(path)));
        }

        using var sink = new StreamWriter(Stream.Null);
        var scores = new Scorer(bundle).Score(builder.Build(), withReasons: false);
        ScoresCsv.Write(sink, scores);
        return scores.Count;
    }

    private static List<Note> Read(byte[] bytes, string name)
    {
        using var reader = CsvInput.OpenText(new MemoryStream(bytes));
        return NotesCsv.ReadAll(reader, name, new IngestReport(name));
    }

    private static void Generate(int clients, string notes, string labels)
    {
        using var n = new StreamWriter(notes);
        using var l = new StreamWriter(labels);
        NotesGenerator.Write(new GeneratorOptions(clients, Seed: 7), n, l);
    }

    private static string? FirstExisting(params string[] paths) => paths.FirstOrDefault(File.Exists);

    private static double Time(Action action)
    {
        var sw = Stopwatch.StartNew();
        action();
        return sw.Elapsed.TotalSeconds;
    }

    private static double Median(int runs, Action action)
    {
        var times = Enumerable.Range(0, runs).Select(_ => Time(action)).Order().ToList();
        return times[times.Count / 2];
    }

    private static double Round(double v) => Math.Round(v, 4);

    private static void Say(string line) => CliIO.Out.WriteLine(line);
}
