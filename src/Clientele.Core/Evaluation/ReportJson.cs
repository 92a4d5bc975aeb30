using System.Text.Json.Nodes;
using Clientele.Core.Labels;

namespace Clientele.Core.Evaluation;

/// <summary>
/// The training report as JSON, in the shape the CLI's --json, the bundle metadata and the API share:
/// metrics / baseline / best_possible keyed by target, seconds per stage, counts.
/// </summary>
public static class ReportJson
{
    public static JsonObject Build(TrainingReport report)
    {
        var metrics = new JsonObject();
        var baseline = new JsonObject();
        var best = new JsonObject();
        var ceiling = new JsonObject();
        var members = new JsonObject();
        var btyd = new JsonObject();
        var cv = new JsonObject();
        var reliability = new JsonObject();
        var counts = new JsonObject();
        foreach (var (target, r) in report.Targets)
        {
            var name = Targets.Name(target);
            metrics[name] = Metrics(target, r.Metrics);
            baseline[name] = Metrics(target, r.Baseline);
            if (r.BestPossible is not null)
            {
                best[name] = Metrics(target, r.BestPossible);
            }

            if (r.LearnableCeiling is not null)
            {
                ceiling[name] = Metrics(target, r.LearnableCeiling);
            }

            if (r.Btyd is not null)
            {
                btyd[name] = Metrics(target, r.Btyd);
            }

            if (r.Members.Count > 0)
            {
                var m = new JsonObject();
                foreach (var (kind, tm) in r.Members)
                {
                    m[kind] = Metrics(target, tm);
                }

                members[name] = m;
            }

            if (r.CrossValidation is not null)
            {
                var o = new JsonObject();
                foreach (var (k, v) in r.CrossValidation)
                {
                    o[k] = new JsonObject { ["mean"] = Round(v.Mean), ["sd"] = Round(v.Sd) };
                }

                cv[name] = o;
            }

            if (r.Reliability is not null)
            {
                reliability[name] = Reliability(r.Reliability);
            }

            counts[name] = new JsonObject { ["train"] = r.TrainCount, ["test"] = r.TestCount };
        }

        var seconds = new JsonObject();
        foreach (var (k, v) in report.Seconds)
        {
            seconds[k] = Math.Round(v, 4);
        }

        var json = new JsonObject
        {
            ["tier"] = report.Tier,
            ["label_source"] = report.LabelSource,
            ["class_weights"] = report.ClassWeights,
            ["clients"] = report.Clients,
            ["labelled_clients"] = report.LabelledClients,
            ["unlabelled_clients"] = report.UnlabelledClients,
            ["features"] = report.FeatureCount,
            ["metrics"] = metrics,
            ["baseline"] = baseline,
            ["best_possible"] = best,
            ["learnable_ceiling"] = ceiling,
            ["seconds"] = seconds,
            ["counts"] = counts,
        };
        if (report.SampledClients is { } sampled)
        {
            json["sampled_clients"] = sampled;
        }

        if (members.Count > 0)
        {
            json["members"] = members;
        }

        if (btyd.Count > 0)
        {
            json["btyd"] = btyd;
        }

        if (cv.Count > 0)
        {
            json["cross_validation"] = cv;
        }

        json["reliability"] = reliability;
        if (report.Holdout is { } holdout)
        {
            json["holdout"] = Holdout(holdout);
        }

        if (report.Schema is not null)
        {
            json["schema"] = Columns.SchemaReport.Json(report.Schema.Columns);
        }

        if (report.PurchaseColumns is not null)
        {
            json["transaction_schema"] = Columns.SchemaReport.Json(report.PurchaseColumns.Columns);
        }

        return json;
    }

    /// <summary>The holdout check in the shape of <c>history --json</c>'s <c>holdout</c> (the models page draws it).</summary>
    public static JsonObject Holdout(History.HoldoutCheck holdout)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        return new JsonObject
        {
            ["days"] = holdout.Days,
            ["bins"] = new JsonArray([.. holdout.Bins.Select(b => (JsonNode)new JsonObject
            {
                ["frequency"] = b.Frequency, ["and_more"] = b.AndMore, ["clients"] = b.Clients, ["actual"] = Round(b.Actual), ["expected"] = Round(b.Expected),
            })]),
            ["total_actual"] = Round(holdout.TotalActual),
            ["total_expected"] = Round(holdout.TotalExpected),
            ["weekly"] = new JsonArray([.. holdout.Weekly.Select(w => (JsonNode)new JsonObject { ["week"] = w.Week, ["actual"] = Round(w.Actual), ["expected"] = Round(w.Expected) })]),
        };
    }

    public static JsonObject Metrics(Target target, TargetMetrics m)
    {
        var o = new JsonObject();
        if (Targets.IsBinary(target))
        {
            o["accuracy"] = Round(m.Accuracy);
            o["auc"] = Round(m.Auc);
            o["logloss"] = Round(m.LogLoss);
            o["brier"] = Round(m.Brier);
            o["f1"] = Round(m.F1);
        }
        else
        {
            o["r2"] = Round(m.R2);
            o["rmse"] = Round(m.Rmse);
            o["mae"] = Round(m.Mae);
        }

        o["n"] = m.Count;
        if (m.Seconds is { } seconds)
        {
            o["seconds"] = Math.Round(seconds, 4);
        }

        if (m.Weight is { } weight)
        {
            o["weight"] = Math.Round(weight, 4);
        }

        return o;
    }

    /// <summary>
    /// A reliability table as JSON, rates rounded to <paramref name="digits"/> (the training report keeps 6, the
    /// evaluate command has always printed 4).
    /// </summary>
    public static JsonArray Reliability(IReadOnlyList<ReliabilityBin> bins, int digits = 6) =>
        new(bins.Select(b => (JsonNode)new JsonObject
        {
            ["from"] = b.From, ["to"] = b.To, ["count"] = b.Count, ["mean_predicted"] = Round(b.MeanPredicted, digits), ["observed_rate"] = Round(b.ObservedRate, digits),
        }).ToArray());

    private static JsonValue? Round(double? v, int digits = 6) => v is { } d && double.IsFinite(d) ? JsonValue.Create(Math.Round(d, digits)) : null;
}
