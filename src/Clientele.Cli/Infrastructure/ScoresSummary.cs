using System.Text.Json.Nodes;
using Clientele.Core.Bundles;
using Clientele.Core.Scoring;

namespace Clientele.Cli.Infrastructure;

/// <summary>What <c>predict</c> (and the demo's scoring step) prints about a scoring run: averages, segment counts, stage times.</summary>
public static class ScoresSummary
{
    /// <summary>The summary as one JSON object (<c>predict --json</c>).</summary>
    public static JsonObject Build(IReadOnlyList<ClientScore> scores, string tier, IDictionary<string, double> seconds)
    {
        static double Avg(IEnumerable<double> v)
        {
            var list = v.Where(x => !double.IsNaN(x)).ToList();
            return list.Count == 0 ? double.NaN : Math.Round(list.Average(), 4);
        }

        var value = new JsonObject();
        foreach (var name in Segments.ValueNames)
        {
            value[name] = scores.Count(s => s.ValueSegment == name);
        }

        var risk = new JsonObject();
        foreach (var name in Segments.RiskNames)
        {
            risk[name] = scores.Count(s => s.RiskSegment == name);
        }

        var secs = new JsonObject();
        foreach (var (k, v) in seconds)
        {
            secs[k] = Math.Round(v, 4);
        }

        JsonNode? Num(double d) => double.IsNaN(d) ? null : JsonValue.Create(d);
        return new JsonObject
        {
            ["tier"] = tier,
            ["clients"] = scores.Count,
            ["avg_purchase_prob"] = Num(Avg(scores.Select(s => s.PurchaseProb))),
            ["avg_churn_risk"] = Num(Avg(scores.Select(s => s.ChurnRisk))),
            ["avg_clv"] = Num(Avg(scores.Select(s => s.PredictedClv))),
            ["value_segments"] = value,
            ["risk_segments"] = risk,
            ["seconds"] = secs,
        };
    }

    /// <summary>The summary as three lines for a terminal.</summary>
    public static void Write(JsonObject summary, ModelBundle bundle, string outFile)
    {
        CliIO.Out.WriteLine($"{summary["clients"]!.GetValue<int>():N0} clients scored with the {bundle.Tier} model → {outFile}");
        CliIO.Out.WriteLine($"  avg purchase {summary["avg_purchase_prob"]}, avg churn {summary["avg_churn_risk"]}, avg CLV {summary["avg_clv"]}");
        CliIO.Out.WriteLine($"  value: {summary["value_segments"]!.ToJsonString()}  risk: {summary["risk_segments"]!.ToJsonString()}");
    }
}
