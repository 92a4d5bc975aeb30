using System.Globalization;
using System.Text.Json.Nodes;
using Clientele.Cli.Infrastructure;
using Clientele.Core.Evaluation;
using Clientele.Core.Features;
using Clientele.Core.Labels;
using Clientele.Core.Training;
using Clientele.Workflows.Training;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="CompareCommand"/>.</summary>
public sealed class CompareSettings : TrainingSettings;

/// <summary>
/// <c>clientele compare</c>: trains Fast and Elite on the same split and prints the reference's table as
/// measured here, with baseline and best-possible rows, and a verdict per target that is "within noise" unless the
/// paired bootstrap interval of the difference in AUC and log-loss excludes 0.
/// </summary>
public sealed class CompareCommand : Command<CompareSettings>
{
    public override int Execute(CommandContext context, CompareSettings settings, CancellationToken cancellationToken)
    {
        var progress = new StageProgress(settings.Quiet || settings.Json);
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        var (profiles, lexicon, _) = Pipeline.Profiles(settings, progress, seconds);
        // One request, one explicit holdout: both tiers are measured on the same clients, so their predictions pair up.
        var request = Pipeline.SharedSplitRequest(settings, Tier.Fast, profiles, lexicon);
        var fast = TrainModels.Run(request, progress, new Dictionary<string, double>(seconds));
        var elite = TrainModels.Run(request with { Options = request.Options with { Tier = Tier.Elite } }, progress, new Dictionary<string, double>(seconds));
        var labels = request.Labels!;
        var verdicts = elite.Report.Targets.Keys
            .Select(t => TierVerdict.Of(t, fast, elite, profiles, labels, request.Holdout!, settings.AsOfDate, settings.Seed))
            .ToList();
        var json = new JsonObject
        {
            ["fast"] = ReportJson.Build(fast.Report),
            ["elite"] = ReportJson.Build(elite.Report),
            ["label_source"] = labels.Source,
            ["verdict"] = new JsonObject(verdicts.Select(v => KeyValuePair.Create(Targets.Name(v.Target), (JsonNode?)v.ToJson()))),
        };
        if (labels.IsSmart)
        {
            json["note"] = CliMessages.SmartLabelNote;
        }

        if (settings.Json)
        {
            CliIO.Out.WriteLine(json.ToJsonString());
            return 0;
        }

        var o = CliIO.Out;
        o.WriteLine($"{"tier",-9}{"train s",9}{"purchase acc/AUC",20}{"churn acc/AUC",20}{"CLV R²/RMSE",20}{"features",10}  models");
        Line(o, "Fast", fast.Report, r => r.Metrics, "one random forest per target");
        Line(o, "Elite", elite.Report, r => r.Metrics, "soft voting: forest + boosting + linear");
        Line(o, "baseline", fast.Report, r => r.Baseline, "majority class / mean CLV");
        if (fast.Report.Targets.Values.Any(r => r.BestPossible is not null))
        {
            Line(o, "best", fast.Report, r => r.BestPossible, "the known generating probability");
        }

        o.WriteLine($"Elite vs Fast on the same holdout (paired bootstrap, {PairedBootstrap.Coverage:P0} interval of Elite − Fast):");
        foreach (var v in verdicts)
        {
            o.WriteLine("  " + v);
        }

        if (labels.IsSmart)
        {
            o.WriteLine(CliMessages.SmartLabelNote);
        }

        return 0;
    }

    private static void Line(TextWriter o, string name, TrainingReport report, Func<TargetReport, TargetMetrics?> pick, string models)
    {
        string Cell(Target t)
        {
            if (!report.Targets.TryGetValue(t, out var r) || pick(r) is not { } m)
            {
                return "–";
            }

            return Targets.IsBinary(t)
                ? $"{P(m.Accuracy)} / {F(m.Auc)}"
                : $"{F(m.R2)} / {F(m.Rmse, "0")}";
        }

        var train = name is "Fast" or "Elite" ? report.Seconds.GetValueOrDefault("features") + report.Seconds.GetValueOrDefault("train_total") : double.NaN;
        o.WriteLine($"{name,-9}{(double.IsNaN(train) ? "" : train.ToString("0.00", CultureInfo.InvariantCulture)),9}{Cell(Target.Purchased),20}{Cell(Target.Churned),20}{Cell(Target.LifetimeValue),20}{(name is "Fast" or "Elite" ? report.FeatureCount.ToString(CultureInfo.InvariantCulture) : ""),10}  {models}");
    }

    private static string P(double? v) => v is { } d ? (100 * d).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";

    private static string F(double? v, string format = "0.000") => v is { } d ? d.ToString(format, CultureInfo.InvariantCulture) : "–";
}
