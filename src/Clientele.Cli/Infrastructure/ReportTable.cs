using System.Globalization;
using Clientele.Core.Evaluation;
using Clientele.Core.Labels;
using Clientele.Core.Training;

namespace Clientele.Cli.Infrastructure;

/// <summary>Plain-text report of a training run: per target, model vs baseline vs best possible.</summary>
public static class ReportTable
{
    public static void Write(TrainingReport report)
    {
        var o = CliIO.Out;
        o.WriteLine($"tier {report.Tier} · labels: {report.LabelSource}{(report.ClassWeights == "none" ? "" : " · class weights: " + report.ClassWeights)} · {report.Clients:N0} clients ({report.LabelledClients:N0} labelled) · {report.FeatureCount} features");
        if (report.LabelSource == SmartLabeler.SourceName)
        {
            o.WriteLine(CliMessages.SmartLabelNote);
        }

        Header(o);
        foreach (var (target, r) in report.Targets)
        {
            Row(o, Targets.Name(target), "model", r.Metrics);
            Row(o, string.Empty, "baseline", r.Baseline);
            if (r.BestPossible is not null)
            {
                Row(o, string.Empty, "best", r.BestPossible);
            }

            if (r.LearnableCeiling is not null)
            {
                Row(o, string.Empty, "ceiling", r.LearnableCeiling);
            }

            foreach (var (kind, m) in r.Members)
            {
                Row(o, string.Empty, kind, m);
                var weight = m.Weight is { } w ? $", vote weight {w:0.0#}" : string.Empty;
                o.WriteLine($"{string.Empty,-16}{string.Empty,-10}  ({kind} trained in {m.Seconds:0.000}s{weight})");
            }

            if (r.CrossValidation is not null)
            {
                o.WriteLine($"{string.Empty,-16}{"cv",-10}" + string.Join("  ", r.CrossValidation.Select(kv => $"{kv.Key} {kv.Value.Mean:0.000}±{kv.Value.Sd:0.000}")));
            }
        }

        o.WriteLine("seconds: " + string.Join(", ", report.Seconds.Select(kv => $"{kv.Key} {kv.Value.ToString("0.000", CultureInfo.InvariantCulture)}")));
    }

    /// <summary>The column header of the metrics rows.</summary>
    public static void Header(TextWriter o) =>
        o.WriteLine($"{"target",-16}{"",-10}{"accuracy",10}{"auc",10}{"logloss",10}{"brier",10}{"r2",10}{"rmse",12}{"mae",12}");

    /// <summary>One metrics row: target (or blank under the previous one), what is measured, then the metrics.</summary>
    public static void Row(TextWriter o, string target, string what, TargetMetrics m) =>
        o.WriteLine($"{target,-16}{what,-10}{F(m.Accuracy),10}{F(m.Auc),10}{F(m.LogLoss),10}{F(m.Brier),10}{F(m.R2),10}{F(m.Rmse, "0"),12}{F(m.Mae, "0"),12}");

    private static string F(double? v, string format = "0.000") => v is { } d ? d.ToString(format, CultureInfo.InvariantCulture) : "–";
}
