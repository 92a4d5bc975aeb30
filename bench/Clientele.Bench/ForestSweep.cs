using System.Diagnostics;
using System.Globalization;
using Clientele.Core.Training.Forest;

namespace Clientele.Bench;

/// <summary>
/// <c>--sweep</c>: the settings search behind the forest's defaults. Each setting is scored on five
/// differently-seeded synthetic sets (a single 400-row holdout has an AUC standard error near 0.02, too
/// coarse to pick a default from) and timed on one fit each.
/// </summary>
public static class ForestSweep
{
    private static readonly int[] LeafCaps = [0, 32];
    private static readonly int[] BinCounts = [32, 64];
    private static readonly int[] DataSeeds = [7, 8, 9, 10, 11];

    public static void Run(TextWriter output)
    {
        var sets = DataSeeds.Select(s => SyntheticClients.Generate(QuickComparison.TotalRows, s)).ToArray();
        var d = SyntheticClients.Columns;
        var sqrt = Math.Sqrt(d) / d;
        output.WriteLine("| target | setting | fit s (mean) | CPU s (mean) | AUC / R² (mean of 5 sets) |");
        output.WriteLine("|---|---|---:|---:|---:|");

        var mlNet = new MlNetForest(d);
        foreach (var binary in new[] { true, false })
        {
            Score(output, binary, "ML.NET FastForest", sets, (rows, labels) =>
            {
                var model = mlNet.Fit(rows, labels);
                return test => mlNet.Predict(model, test);
            });

            double[] fractions = binary ? [sqrt, 0.1, 0.2, 1.0 / 3] : [0.1, 1.0 / 3, 1.0];
            int[] minLeaves = binary ? [3, 10, 20] : [1, 3, 5];
            foreach (var (fraction, minLeaf, leaves, bins) in
                from fraction in fractions
                from minLeaf in minLeaves
                from leaves in LeafCaps
                from bins in BinCounts
                select (fraction, minLeaf, leaves, bins))
            {
                var options = new ForestOptions { FeatureFraction = fraction, MinSamplesLeaf = minLeaf, MaxLeaves = leaves, MaxBins = bins };
                Score(output, binary, $"ff={fraction:0.###} minLeaf={minLeaf} {(leaves == 0 ? "depth 12" : "32 leaves")} bins={bins}", sets, (rows, labels) =>
                {
                    var model = options.Fit(rows, labels);
                    return test =>
                    {
                        var result = new double[test.Length];
                        model.PredictBatch(test, result);
                        return result;
                    };
                });
            }
        }
    }

    private static void Score(TextWriter output, bool binary, string name, SyntheticClients[] sets, Func<float[][], float[], Func<float[][], double[]>> fit)
    {
        double seconds = 0, cpu = 0, score = 0;
        var process = Process.GetCurrentProcess();
        foreach (var set in sets)
        {
            var labels = binary ? set.Binary : set.Clv;
            var train = QuickComparison.TrainRows;
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var predict = fit(set.Rows[..train], labels[..train]);
            seconds += clock.Elapsed.TotalSeconds;
            process.Refresh();
            cpu += (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            var predictions = predict(set.Rows[train..]);
            score += binary ? Scores.Auc(predictions, labels[train..]) : Scores.R2(predictions, labels[train..]);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {(binary ? "binary" : "CLV")} | {name} | {seconds / sets.Length:0.000} | {cpu / sets.Length:0.000} | {score / sets.Length:0.0000} |"));
        output.Flush();
    }
}
