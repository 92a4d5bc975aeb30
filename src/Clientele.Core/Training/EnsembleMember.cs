using Clientele.Core.Training.Forest;
using Microsoft.ML;

namespace Clientele.Core.Training;

/// <summary>
/// One trained learner of a target model: the hand-written histogram forest (measured ~10× faster than
/// ML.NET FastForest at equal AUC and higher R², see docs/BENCHMARKS.md) or an ML.NET transformer
/// (boosting, linear), with the Platt calibration fitted for it (forests in Elite only).
/// </summary>
public sealed record EnsembleMember(MemberKind Kind, ITransformer? Model, ForestModel? Forest, PlattCalibrator Calibration)
{
    /// <summary>Regression members learn a standardised label (SDCA converges on unit-scale targets); outputs are mapped back.</summary>
    public double LabelMean { get; init; }

    /// <summary>See <see cref="LabelMean"/>; 1 means unscaled.</summary>
    public double LabelScale { get; init; } = 1;

    /// <summary>This member's share of the soft vote (weights are normalised by their sum; equal when not learned).</summary>
    public double Weight { get; init; } = 1;

    /// <summary>Seconds this member took to train (calibration included).</summary>
    public double Seconds { get; init; }

    public static EnsembleMember OfForest(ForestModel forest, PlattCalibrator calibration) => new(MemberKind.Forest, null, forest, calibration);

    public static EnsembleMember OfMlNet(MemberKind kind, ITransformer model) => new(kind, model, null, PlattCalibrator.Identity);
}
