using System.ComponentModel;
using System.Text.Json.Nodes;
using Clientele.Cli.Infrastructure;
using Clientele.Core.Evaluation;
using Clientele.Core.Labels;
using Clientele.Core.Scoring;
using Clientele.Storage.Files;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="EvaluateCommand"/>.</summary>
public sealed class EvaluateSettings : TrainingSettings
{
    [CommandOption("--model <DIR>")]
    [Description("Model bundle to evaluate on the labelled clients of --notes. (required)")]
    public string? Model { get; init; }

    public override Spectre.Console.ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Model) ? Spectre.Console.ValidationResult.Error("--model <DIR> is required")
        : IgnoreColumns.Length + ColumnTypes.Length + ForceColumns.Length > 0 || LexiconOverlay is not null
            ? Spectre.Console.ValidationResult.Error(CliMessages.ModelDecidesColumns("evaluate"))
        : base.Validate();
}

/// <summary>
/// <c>clientele evaluate</c>: measures a saved bundle on labelled clients (every labelled client is a test
/// client: use notes the model did not train on), with baseline, best possible and a reliability table;
/// with --folds, also cross-validates the bundle's tier on the same data.
/// </summary>
public sealed class EvaluateCommand : Command<EvaluateSettings>
{
    public override int Execute(CommandContext context, EvaluateSettings settings, CancellationToken cancellationToken)
    {
        var progress = new StageProgress(settings.Quiet || settings.Json);
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        var bundle = DirectoryBundleStore.Load(settings.Model!);
        var (profiles, lexicon, _) = Pipeline.Profiles(settings, progress, seconds, bundle.Lexicon);
        var labels = settings.Labels is null ? SmartLabeler.Label(profiles, lexicon, settings.Seed) : Inputs.Labels(settings.Labels, settings.RowAllowance);
        progress.Report("score");
        var scores = new Scorer(bundle).Score(profiles, settings.AsOfDate, withReasons: false);
        var evaluator = new Evaluator(settings.Seed);
        var result = new JsonObject { ["model"] = settings.Model, ["tier"] = bundle.Tier.ToString().ToLowerInvariant(), ["label_source"] = labels.Source };
        if (labels.IsSmart)
        {
            result["note"] = CliMessages.SmartLabelNote;
        }

        // Clients the model trained on flatter its metrics: counted, and the metrics measured again without them.
        var trainedOn = DirectoryBundleStore.LoadTrainedOn(settings.Model!, bundle.Metadata);
        var unseen = new JsonObject();

        var metrics = new JsonObject();
        var baseline = new JsonObject();
        var best = new JsonObject();
        var reliability = new JsonObject();
        foreach (var target in Targets.All.Where(bundle.Models.ContainsKey))
        {
            var rows = scores.Select(s => (Score: s, Label: labels.For(s.ClientId))).Where(x => x.Label?.Value(target) is not null).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            var y = rows.Select(x => x.Label!.Value(target)!.Value).ToArray();
            var p = rows.Select(x => target switch { Target.Purchased => x.Score.PurchaseProb, Target.Churned => x.Score.ChurnRisk, _ => x.Score.PredictedClv }).ToArray();
            var name = Targets.Name(target);
            var report = evaluator.Test(target, p, y, y.Average(), rows.Select(x => x.Label!.Truth(target)).ToArray());
            metrics[name] = ReportJson.Metrics(target, report.Metrics);
            baseline[name] = ReportJson.Metrics(target, report.Baseline);
            if (report.BestPossible is { } bestPossible)
            {
                best[name] = ReportJson.Metrics(target, bestPossible);
            }

            if (report.Reliability is { } bins)
            {
                reliability[name] = ReportJson.Reliability(bins, digits: 4);
            }

            var fresh = trainedOn is null ? [] : Enumerable.Range(0, rows.Count).Where(i => !trainedOn.Contains(rows[i].Score.ClientId)).ToArray();
            if (trainedOn is not null && fresh.Length < rows.Count && fresh.Length > 0)
            {
                var yFresh = fresh.Select(i => y[i]).ToArray();
                var freshReport = evaluator.Test(target, fresh.Select(i => p[i]).ToArray(), yFresh, yFresh.Average(), fresh.Select(i => rows[i].Label!.Truth(target)).ToArray());
                unseen[name] = ReportJson.Metrics(target, freshReport.Metrics);
            }
        }

        result["metrics"] = metrics;
        result["baseline"] = baseline;
        result["best_possible"] = best;
        result["reliability"] = reliability;
        var evaluated = scores.Count(s => labels.For(s.ClientId) is not null);
        var inTraining = trainedOn is null ? (int?)null : scores.Count(s => labels.For(s.ClientId) is not null && trainedOn.Contains(s.ClientId));
        result["overlap"] = new JsonObject
        {
            ["known"] = trainedOn is not null,
            ["evaluated"] = evaluated,
            ["in_training"] = inTraining,
        };
        if (inTraining > 0)
        {
            result["metrics_unseen"] = unseen;
            CliIO.Err.WriteLine(CliMessages.EvaluationOverlap(inTraining.Value, evaluated));
        }
        else if (trainedOn is null)
        {
            CliIO.Err.WriteLine(CliMessages.EvaluationOverlapUnknown);
        }

        if (settings.Folds >= 2)
        {
            progress.Report($"{settings.Folds}-fold cross-validation");
            var trained = Pipeline.Train(settings, bundle.Tier, profiles, lexicon, progress, seconds);
            result["cross_validation"] = ReportJson.Build(trained.Report)["cross_validation"]?.DeepClone();
        }

        if (settings.Json)
        {
            CliIO.Out.WriteLine(result.ToJsonString());
        }
        else
        {
            Table(CliIO.Out, result);
        }

        return 0;
    }

    /// <summary>The text report: one row per target and metric, model beside baseline and best possible.</summary>
    private static void Table(TextWriter o, JsonObject result)
    {
        o.WriteLine($"model {result["model"]} ({result["tier"]}), labels: {result["label_source"]}");
        // "unseen": the metrics again on only the clients the model did not train on, shown when some were.
        var unseen = result["metrics_unseen"];
        o.WriteLine($"{"target",-16}{"metric",-12}{"model",10}{"baseline",10}{"best",10}" + (unseen is null ? string.Empty : $"{"unseen",10}"));
        foreach (var (target, node) in result["metrics"]!.AsObject())
        {
            foreach (var (metric, value) in node!.AsObject())
            {
                o.WriteLine($"{target,-16}{metric,-12}{Cell(value),10}{Cell(result["baseline"]?[target]?[metric]),10}{Cell(result["best_possible"]?[target]?[metric]),10}"
                    + (unseen is null ? string.Empty : $"{Cell(unseen[target]?[metric]),10}"));
            }
        }

        if (result["cross_validation"] is { } cv)
        {
            o.WriteLine("cross-validation: " + cv.ToJsonString());
        }

        if (result["note"] is { } note)
        {
            o.WriteLine(note.GetValue<string>());
        }
    }

    private static string Cell(JsonNode? value) => value is JsonValue v && v.TryGetValue<double>(out var d)
        ? d.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)
        : value?.ToJsonString() ?? "-";
}
