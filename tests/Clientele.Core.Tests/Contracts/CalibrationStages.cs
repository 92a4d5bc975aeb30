using Clientele.Core.Training;

namespace Clientele.Core.Tests.Contracts;

/// <summary>
/// The stages fitted on member outputs: the Platt calibrator and the vote weights. Neither saves itself: their
/// numbers are fields of a bundle's member entries (platt_a, platt_b, weight), versioned by the bundle's format_version.
/// </summary>
public static class CalibrationStages
{
    private static readonly double[] Noises = [0.1, 0.3, 0.6];

    // No saved form of its own: A and B are the platt_a / platt_b of a bundle's member entry.
    public static FittedStage Platt()
    {
        float[] probe = [-3f, -1f, -0.2f, 0f, 0.4f, 1.5f, 4f];
        return new FittedStage<(float[] Scores, float[] Labels), PlattCalibrator>(
            "platt calibrator",
            () =>
            {
                var random = new Random(11);
                var scores = Enumerable.Range(0, 500).Select(_ => (float)((random.NextDouble() * 6) - 3)).ToArray();
                return (scores, scores.Select(s => random.NextDouble() < 1 / (1 + Math.Exp(-2 * s)) ? 1f : 0f).ToArray());
            },
            (data, _) => PlattCalibrator.Fit(data.Scores, data.Labels),
            platt => probe.Select(s => platt.Apply(s)).ToArray(),
            data => StageBytes.Digest(data.Scores.Concat(data.Labels)))
        {
            BadInput = () => Assert.Throws<ArgumentException>(() => PlattCalibrator.Fit(new float[3], new float[4])),
        };
    }

    // No saved form of its own: each weight is the weight of a bundle's member entry.
    public static FittedStage Votes() =>
        new FittedStage<(double[][] Outputs, float[] Labels), double[]>(
            "vote weights",
            () =>
            {
                var random = new Random(12);
                var labels = Enumerable.Range(0, 300).Select(_ => random.NextDouble() < 0.3 ? 1f : 0f).ToArray();
                var outputs = Noises.Select(noise => labels.Select(y => Math.Clamp(y + ((random.NextDouble() - 0.5) * 2 * noise), 0.01, 0.99)).ToArray()).ToArray();
                return (outputs, labels);
            },
            (data, _) => VoteWeights.Fit(data.Outputs, data.Labels, binary: true),
            weights => weights,
            data => StageBytes.Digest(data.Outputs.SelectMany(o => o).Select(v => (float)v).Concat(data.Labels)))
        {
            BadInput = () => Assert.Throws<ArgumentException>(() => VoteWeights.Fit([new double[3], new double[4]], new float[3], binary: true)),
        };
}
