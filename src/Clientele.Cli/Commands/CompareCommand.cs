using System.Globalization;
using System.Text.Json.Nodes;
using Clientele.Cli.Infrastructure;
using Clientele.Core.Evaluation;
using Clientele.Core.Features;
using Clientele.Core.Labels;
using Clientele.Core.Training;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="CompareCommand"/>.</summary>
public sealed class CompareSettings : TrainingSettings;

/// <summary>
/// <c>clientele compare</c>: trains Fast and Elite on the same split and prints the reference's table as
/// measured here, with baseline and best-possible rows, and says where Elite does not beat Fast.
/// </summary>
public sealed class CompareCommand : Command<CompareSettings>
{
    public override int Execute(CommandContext context, CompareSettings settings, CancellationToken cancellationToken)
    {
        var progress = new StageProgress(settings.Quiet || settings.Json);
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        var (profiles, lexicon, _) = Pipeline.Profiles(settings, progress, seconds);
        var fast = Pipeline.Train(settings, Tier.Fast, profiles, lexicon, progress, new Dictionary<string, double>(seconds));
        var elite = Pipeline.Train(settings, Tier.Elite, profiles, lexicon, progress, new Dictionary<string, double>(seconds));
        var verdicts = new JsonObject();
        foreach (var t in elite.Report.Targets.Keys)
        {
            var f = Headline(t, fast.Report.Targets[t].Metrics);
            var e = Headline(t, elite.Report.Targets[t].Metrics);
            verdicts[Targets.Name(t)] = e > f ? "elite better" : e < f ? "fast better" : "equal";
        }

        var json = new JsonObject
        {
            ["fast"] = ReportJson.Build(fast.Report),
            ["elite"] = ReportJson.Build(elite.Report),
            ["verdict"] = verdicts,
        };
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

        o.WriteLine("Elite vs Fast: " + string.Join(", ", verdicts.Select(kv => $"{kv.Key}: {kv.Value}")));
        return 0;
    }

    private static double Headline(Target t, TargetMetrics m) => (Targets.IsBinary(t) ? m.Auc : m.R2) ?? double.NaN;

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
