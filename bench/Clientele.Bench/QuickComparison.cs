using System.Diagnostics;
using System.Globalization;
using Clientele.Core.Training.Forest;

namespace Clientele.Bench;

/// <summary>
/// The quick side-by-side (<c>--quick</c>): fit seconds (median of 3 after one warm-up fit, so JIT is not
/// counted; CPU seconds too, which other jobs on a shared machine disturb less) and holdout AUC / R² on an 80/20 split, for ML.NET FastForest and the histogram forest.
/// </summary>
public static class QuickComparison
{
    /// <summary>2,000 synthetic clients, the first 80 % train (1,600 rows, the real Fast-tier size).</summary>
    public const int TotalRows = 2000;

    public const int TrainRows = 1600;

    private const int Runs = 3;

    public static void Run(TextWriter output)
    {
        var data = SyntheticClients.Generate(TotalRows, seed: 7);
        var trainRows = data.Rows[..TrainRows];
        var testRows = data.Rows[TrainRows..];
        var truthAuc = Scores.Auc(data.Probability[TrainRows..], data.Binary[TrainRows..]);

        output.WriteLine($"# {DateTime.UtcNow:yyyy-MM-dd} · {Environment.ProcessorCount} cores · {Environment.OSVersion} · .NET {Environment.Version}");
        output.WriteLine($"# {TrainRows} train / {TotalRows - TrainRows} holdout × {SyntheticClients.Columns} features; fit seconds = median of {Runs} (after 1 warm-up)");
        output.WriteLine($"# binary: AUC of the true probabilities on the holdout = {F(truthAuc)}");
        output.WriteLine();
        output.WriteLine("| target | learner | fit s (wall) | fit CPU s | holdout AUC / R² | speed-up wall / CPU |");
        output.WriteLine("|---|---|---:|---:|---:|---:|");

        foreach (var binary in new[] { true, false })
        {
            var labels = binary ? data.Binary : data.Clv;
            var trainLabels = labels[..TrainRows];
            var testLabels = labels[TrainRows..];
            var mlNet = new MlNetForest(SyntheticClients.Columns);

            var learners = new List<(string Name, Func<Func<float[][], double[]>> Fit)>
            {
                ("ML.NET FastForest 100×32 leaves", () =>
                {
                    var model = mlNet.Fit(trainRows, trainLabels);
                    return rows => mlNet.Predict(model, rows);
                }),
                ("Forest defaults (100 trees × 32 leaves)", () => Wrap(new ForestOptions().Fit(trainRows, trainLabels))),
                ("Forest uncapped leaves, depth 12", () => Wrap(new ForestOptions { MaxLeaves = 0 }.Fit(trainRows, trainLabels))),
            };
            if (binary)
            {
                var sqrt = Math.Sqrt(SyntheticClients.Columns) / SyntheticClients.Columns;
                learners.Add(("Forest sklearn-like (√d features, min leaf 3)", () => Wrap(new ForestOptions { FeatureFraction = sqrt, MinSamplesLeaf = 3 }.Fit(trainRows, trainLabels))));
            }
            else
            {
                learners.Add(("Forest FeatureFraction 1.0", () => Wrap(new ForestOptions { FeatureFraction = 1.0 }.Fit(trainRows, trainLabels))));
            }

            double? baseline = null, baselineCpu = null;
            foreach (var (name, fit) in learners)
            {
                fit();
                var seconds = new double[Runs];
                var cpu = new double[Runs];
                Func<float[][], double[]> predict = null!;
                var process = Process.GetCurrentProcess();
                for (var r = 0; r < Runs; r++)
                {
                    process.Refresh();
                    var cpuBefore = process.TotalProcessorTime;
                    var clock = Stopwatch.StartNew();
                    predict = fit();
                    seconds[r] = clock.Elapsed.TotalSeconds;
                    process.Refresh();
                    cpu[r] = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
                }

                Array.Sort(seconds);
                Array.Sort(cpu);
                var median = seconds[Runs / 2];
                baseline ??= median;
                baselineCpu ??= cpu[Runs / 2];
                var predictions = predict(testRows);
                var score = binary ? Scores.Auc(predictions, testLabels) : Scores.R2(predictions, testLabels);
                output.WriteLine($"| {(binary ? "binary" : "CLV")} | {name} | {median.ToString("0.000", CultureInfo.InvariantCulture)} | {cpu[Runs / 2].ToString("0.000", CultureInfo.InvariantCulture)} | {F(score)} | {(baseline.Value / median).ToString("0.0", CultureInfo.InvariantCulture)}× / {(baselineCpu.Value / cpu[Runs / 2]).ToString("0.0", CultureInfo.InvariantCulture)}× |");
            }
        }
    }

    private static Func<float[][], double[]> Wrap(ForestModel model) => rows =>
    {
        var output = new double[rows.Length];
        model.PredictBatch(rows, output);
        return output;
    };

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
