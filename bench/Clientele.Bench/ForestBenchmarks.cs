using BenchmarkDotNet.Attributes;
using Clientele.Core.Training.Forest;

namespace Clientele.Bench;

/// <summary>
/// Fit time of ML.NET FastForest against the histogram forest on the realistic shape (1,600 training rows
/// of a 2,000-row synthetic set × 540 features), for a binary and a CLV-like regression target.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class ForestBenchmarks
{
    private float[][] _rows = [];
    private float[] _labels = [];
    private MlNetForest _mlNet = null!;

    [Params("binary", "clv")]
    public string Target { get; set; } = "binary";

    [GlobalSetup]
    public void Setup()
    {
        var data = SyntheticClients.Generate(2000, seed: 7);
        var train = QuickComparison.TrainRows;
        _rows = data.Rows[..train];
        _labels = (Target == "binary" ? data.Binary : data.Clv)[..train];
        _mlNet = new MlNetForest(SyntheticClients.Columns);
    }

    [Benchmark(Baseline = true)]
    public object MlNetFastForest() => _mlNet.Fit(_rows, _labels);

    /// <summary>Defaults: 100 trees × 32 leaves, the same shape as the ML.NET baseline.</summary>
    [Benchmark]
    public ForestModel HistogramForest() => new ForestOptions().Fit(_rows, _labels);

    /// <summary>Uncapped leaves, depth ≤ 12 (scikit-learn-like deep trees).</summary>
    [Benchmark]
    public ForestModel HistogramForestDepth12() => new ForestOptions { MaxLeaves = 0 }.Fit(_rows, _labels);
}
