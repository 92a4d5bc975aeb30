using Clientele.Core.Training.Learners;

namespace Clientele.Core.Training;

/// <summary>
/// One trained member of a target model (<see cref="ITrainedMember"/>: forest, boosting, linear, …) with the Platt
/// calibration fitted for it on out-of-sample outputs, its share of the vote and its training time.
/// </summary>
public sealed record EnsembleMember(ITrainedMember Model, PlattCalibrator Calibration)
{
    /// <summary>The learner's name (<see cref="ILearner.Name"/>): the member's key in reports and bundles.</summary>
    public string Name => Model.Name;

    /// <summary>This member's share of the soft vote (weights are normalised by their sum; equal when not learned).</summary>
    public double Weight { get; init; } = 1;

    /// <summary>Seconds this member took to train (calibration included).</summary>
    public double Seconds { get; init; }

    /// <summary>The member's outputs for <paramref name="rows"/>: for a binary target calibrated and clipped to [0, 1].</summary>
    public double[] Outputs(float[][] rows, bool binary)
    {
        var raw = new double[rows.Length];
        Model.Predict(rows, raw);
        if (binary)
        {
            for (var i = 0; i < raw.Length; i++)
            {
                raw[i] = Math.Clamp(Calibration.Apply(raw[i]), 0, 1);
            }
        }

        return raw;
    }
}
