using System.Globalization;
using System.Text.Json.Nodes;
using Clientele.Core.Evaluation;
using Clientele.Core.Features;
using Clientele.Core.Labels;
using Clientele.Core.Profiles;
using Clientele.Core.Training;

namespace Clientele.Cli.Infrastructure;

/// <summary>
/// Which tier is better on one target, said only when the holdout can tell (issue 14, item 10): both models score
/// the same test clients, and the paired bootstrap interval of Elite's advantage in AUC and log-loss (mean squared
/// error for lifetime value) decides. An interval containing 0 is "within noise"; metrics that disagree are "mixed".
/// </summary>
/// <param name="Target">The target compared.</param>
/// <param name="Verdict">"elite better", "fast better", "mixed" or "within noise".</param>
/// <param name="Differences">Elite's advantage per metric, with its interval.</param>
/// <param name="TestClients">Holdout clients both models were measured on.</param>
public sealed record TierVerdict(Target Target, string Verdict, IReadOnlyList<PairedDifference> Differences, int TestClients)
{
    /// <summary>Measures both models on the holdout clients of <paramref name="holdout"/> for <paramref name="target"/>.</summary>
    public static TierVerdict Of(Target target, TrainedModel fast, TrainedModel elite, IReadOnlyList<ClientProfile> profiles, LabelSet labels,
        HoldoutSplit holdout, DateOnly? asOf, int seed)
    {
        ArgumentNullException.ThrowIfNull(fast);
        ArgumentNullException.ThrowIfNull(elite);
        var test = profiles.Where(p => labels.For(p.ClientId)?.Value(target) is not null && holdout.IsTest(target, p.ClientId)).ToList();
        var y = test.Select(p => labels.For(p.ClientId)!.Value(target)!.Value).ToArray();
        var f = fast.Models[target].Predict(FeatureMatrix.Build(fast.Featurizer, test, asOf));
        var e = elite.Models[target].Predict(FeatureMatrix.Build(elite.Featurizer, test, asOf));
        var differences = PairedBootstrap.Compare(target, f, e, y, seed);
        var decided = differences.Where(d => !d.WithinNoise).ToList();
        var verdict = decided.Count == 0 ? "within noise"
            : decided.All(d => d.Low > 0) ? "elite better"
            : decided.All(d => d.High < 0) ? "fast better"
            : "mixed";
        return new TierVerdict(target, verdict, differences, test.Count);
    }

    /// <summary>The verdict as JSON: the word, the test size and each metric's difference and interval.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["verdict"] = Verdict, ["test_clients"] = TestClients, ["interval"] = PairedBootstrap.Coverage, ["resamples"] = PairedBootstrap.Resamples };
        foreach (var d in Differences)
        {
            json["elite_minus_fast_" + d.Metric] = new JsonObject
            {
                ["difference"] = Round(d.Metric == "auc" ? d.Difference : -d.Difference),
                ["low"] = Round(d.Metric == "auc" ? d.Low : -d.High),
                ["high"] = Round(d.Metric == "auc" ? d.High : -d.Low),
            };
        }

        return json;
    }

    /// <summary>"purchased: within noise (AUC +0.012 [−0.030, +0.051], log-loss −0.004 [−0.020, +0.013])".</summary>
    public override string ToString() =>
        $"{Targets.Name(Target)}: {Verdict} (" + string.Join(", ", Differences.Select(d =>
        {
            // AUC: higher is better; log-loss and MSE are shown as Elite − Fast, so lower is better.
            var sign = d.Metric == "auc" ? 1 : -1;
            var (low, high) = sign > 0 ? (d.Low, d.High) : (-d.High, -d.Low);
            var name = d.Metric switch { "auc" => "AUC", "log_loss" => "log-loss", _ => "MSE" };
            return $"{name} {Signed(sign * d.Difference)} [{Signed(low)}, {Signed(high)}]";
        })) + ")";

    private static string Signed(double v) =>
        double.IsInfinity(v) ? (v > 0 ? "+∞" : "−∞")
        : (v < 0 ? "−" : "+") + Math.Abs(v).ToString(Math.Abs(v) >= 1000 ? "0" : "0.000", CultureInfo.InvariantCulture);

    private static double? Round(double v) => double.IsFinite(v) ? Math.Round(v, 5) : null;
}
