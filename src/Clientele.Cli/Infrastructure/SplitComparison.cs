using System.Globalization;
using System.Text.Json.Nodes;
using Clientele.Core.Ingest;
using Clientele.Core.Labels;

namespace Clientele.Cli.Infrastructure;

/// <summary>
/// The reference and Clientele side by side on more than one holdout: one 400-client split has an AUC standard
/// error near 0.03, so a difference of 0.01 on the reference's own split says little. Both systems train on the same
/// concepts and labels and are measured on the same seeded stratified splits (seeds 1..K, written as
/// <c>--split-in</c> files for the reference and <c>--holdout</c> files for Clientele); the result is the mean ± sd of
/// each system and of the paired difference (ours − reference).
/// </summary>
internal static class SplitComparison
{
    /// <summary>Measures both systems on splits 1..<paramref name="splits"/> and prints one summary line.</summary>
    /// <param name="tier">"fast" or "elite".</param>
    /// <param name="labelsPath">The labels both systems learn from (the reference's own, written by its first run).</param>
    /// <param name="splits">How many seeded splits.</param>
    /// <param name="work">Scratch directory for split files and bundles.</param>
    /// <param name="runReference">Runs the reference script with extra arguments and returns its JSON.</param>
    /// <param name="train">Trains Clientele through the train workflow on a holdout file into a bundle directory and returns its report.</param>
    /// <param name="say">Where the summary line goes.</param>
    public static JsonObject Run(string tier, string labelsPath, int splits, string work, Func<string[], JsonNode> runReference,
        Func<string, string, JsonObject> train, Action<string> say)
    {
        LabelSet labels;
        using (var reader = CsvInput.OpenText(File.OpenRead(labelsPath)))
        {
            labels = LabelsCsv.Read(reader, labelsPath, new IngestReport(labelsPath));
        }

        var targets = labels.Targets();
        var rows = new JsonArray();
        var reference = targets.ToDictionary(t => t, _ => new List<double>());
        var ours = targets.ToDictionary(t => t, _ => new List<double>());
        for (var seed = 1; seed <= splits; seed++)
        {
            var splitPath = Path.Combine(work, $"split-{tier}-{seed}.csv");
            WriteSplit(labels, targets, seed, splitPath);
            var theirs = runReference(["--tier", tier, "--labels", labelsPath, "--split-in", splitPath])["metrics"]!;
            var mine = train(splitPath, Path.Combine(work, $"split-model-{tier}"))["metrics"]!;
            var row = new JsonObject { ["seed"] = seed };
            foreach (var t in targets)
            {
                reference[t].Add(Headline(theirs, t));
                ours[t].Add(Headline(mine, t));
                row[Targets.Name(t)] = new JsonObject { ["reference"] = Round(reference[t][^1]), ["ours"] = Round(ours[t][^1]) };
            }

            rows.Add(row);
        }

        var summary = new JsonObject();
        var parts = new List<string>();
        foreach (var t in targets)
        {
            var difference = ours[t].Zip(reference[t], (a, b) => a - b).ToList();
            summary[Targets.Name(t)] = new JsonObject
            {
                ["metric"] = Targets.IsBinary(t) ? "auc" : "r2",
                ["reference"] = Summary(reference[t]),
                ["ours"] = Summary(ours[t]),
                ["ours_minus_reference"] = Summary(difference),
            };
            parts.Add($"{Targets.Name(t)} {Format(reference[t])} vs {Format(ours[t])} (ours − ref {Format(difference, signed: true)})");
        }

        say($"reference {tier} on {splits} more splits (mean ± sd): " + string.Join("; ", parts));
        return new JsonObject { ["splits"] = rows, ["summary"] = summary };
    }

    private static void WriteSplit(LabelSet labels, IReadOnlyList<Target> targets, int seed, string path)
    {
        var labelled = targets.SelectMany(t => labels.ByClient
            .Where(kv => kv.Value.Value(t) is not null)
            .Select(kv => (kv.Key, t, kv.Value.Value(t)!.Value))).ToList();
        var split = HoldoutSplit.Stratified(labelled, seed);
        using var writer = new StreamWriter(path);
        writer.WriteLine("client_id,target,set");
        foreach (var (client, target, test) in split.Rows(labelled.Select(x => (x.Key, x.t))))
        {
            writer.WriteLine($"{client},{Targets.Name(target)},{(test ? "test" : "train")}");
        }
    }

    private static double Headline(JsonNode metrics, Target t) =>
        metrics[Targets.Name(t)]![Targets.IsBinary(t) ? "auc" : "r2"]!.GetValue<double>();

    private static JsonObject Summary(IReadOnlyList<double> values)
    {
        var (mean, sd) = Core.Evaluation.MeanSd.Of(values);
        return new JsonObject { ["mean"] = Round(mean), ["sd"] = Round(sd) };
    }

    private static string Format(IReadOnlyList<double> values, bool signed = false)
    {
        var (mean, sd) = Core.Evaluation.MeanSd.Of(values);
        var rounded = Math.Round(mean, 3) + 0.0;   // + 0.0 turns −0 into 0
        var text = signed ? (rounded < 0 ? "−" : "+") + Math.Abs(rounded).ToString("0.000", CultureInfo.InvariantCulture) : rounded.ToString("0.000", CultureInfo.InvariantCulture);
        return text + " ± " + sd.ToString("0.000", CultureInfo.InvariantCulture);
    }

    private static double Round(double v) => Math.Round(v, 4);
}
