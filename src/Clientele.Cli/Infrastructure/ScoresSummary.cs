using System.Text.Json.Nodes;
using Clientele.Core.Bundles;
using Clientele.Core.Scoring;

namespace Clientele.Cli.Infrastructure;

/// <summary>What <c>predict</c> (and the demo's scoring step) prints about a scoring run: averages, segment counts, stage times.</summary>
public static class ScoresSummary
{
    /// <summary>The summary of a run's tally as one JSON object (<c>predict --json</c>; a run that streams its scores keeps only the tally).</summary>
    public static JsonObject Build(ScoresTally tally, string tier, IDictionary<string, double> seconds)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(seconds);
        var value = new JsonObject();
        foreach (var name in Segments.ValueNames)
        {
            value[name] = tally.ValueSegments[name];
        }

        var risk = new JsonObject();
        foreach (var name in Segments.RiskNames)
        {
            risk[name] = tally.RiskSegments[name];
        }

        var secs = new JsonObject();
        foreach (var (k, v) in seconds)
        {
            secs[k] = Math.Round(v, 4);
        }

        JsonNode? Num(double d) => double.IsNaN(d) ? null : JsonValue.Create(Math.Round(d, 4));
        return new JsonObject
        {
            ["tier"] = tier,
            ["clients"] = tally.Count,
            ["avg_purchase_prob"] = Num(tally.MeanPurchaseProb),
            ["avg_churn_risk"] = Num(tally.MeanChurnRisk),
            ["avg_clv"] = Num(tally.MeanClv),
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
