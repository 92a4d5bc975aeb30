using Clientele.Core.Labels;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Clientele.Core.Training;

/// <summary>
/// The trained model of one target: one member (Fast) or several combined by soft voting (Elite): the
/// mean of calibrated probabilities for a binary target, the mean prediction for CLV.
/// </summary>
public sealed class TargetModel(Target target, IReadOnlyList<EnsembleMember> members)
{
    public Target Target { get; } = target;

    public IReadOnlyList<EnsembleMember> Members { get; } = members;

    /// <summary>Scores rows in one batch transform per member (no shared prediction engine).</summary>
    public double[] Predict(MLContext ml, float[][] rows, int featureCount)
    {
        var view = FeatureTable.ToDataView(ml, rows, null, featureCount);
        var combined = new double[rows.Length];
        foreach (var member in Members)
        {
            var scores = MemberOutput(member, view);
            for (var i = 0; i < rows.Length; i++)
            {
                combined[i] += scores[i];
            }
        }

        for (var i = 0; i < rows.Length; i++)
        {
            combined[i] = Vote(combined[i] / Members.Count);
        }

        return combined;
    }

    /// <summary>Per-member outputs for the given rows, calibrated (for tests and cross-checks).</summary>
    public double[] MemberOutput(EnsembleMember member, IDataView view)
    {
        var output = member.Model.Transform(view);
        var binary = Targets.IsBinary(Target);
        var column = binary && member.Kind != MemberKind.Forest ? "Probability" : "Score";
        var raw = output.GetColumn<float>(column).ToArray();
        var result = new double[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            result[i] = binary ? Math.Clamp(member.Calibration.Apply(raw[i]), 0, 1) : raw[i];
        }

        return result;
    }

    /// <summary>
    /// Per-row feature contributions of the forest member (ML.NET's tree path attribution), signed and
    /// scaled so that the largest absolute contribution of a row is 1. Null when there is no forest.
    /// </summary>
    public float[][]? Contributions(MLContext ml, float[][] rows, int featureCount)
    {
        var forest = Members.FirstOrDefault(m => m.Kind == MemberKind.Forest);
        if (forest?.Model is not ISingleFeaturePredictionTransformer<FastForestRegressionModelParameters> typed)
        {
            return null;
        }

        var view = FeatureTable.ToDataView(ml, rows, null, featureCount);
        var calc = ml.Transforms.CalculateFeatureContribution(typed, numberOfPositiveContributions: featureCount, numberOfNegativeContributions: featureCount, normalize: true);
        var output = calc.Fit(view).Transform(view);
        var values = output.GetColumn<VBuffer<float>>("FeatureContributions").ToArray();
        var result = new float[values.Length][];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = Densify(values[i], featureCount);
        }

        return result;
    }

    /// <summary>
    /// Copies a contribution vector into a dense array by its own indices: VBuffer.CopyTo indexes past the end
    /// on the sparse vectors the contribution calculator returns (found by the server's predict tests).
    /// </summary>
    private static float[] Densify(VBuffer<float> v, int featureCount)
    {
        var dense = new float[featureCount];
        var values = v.GetValues();
        if (v.IsDense)
        {
            values[..Math.Min(values.Length, featureCount)].CopyTo(dense);
            return dense;
        }

        var indices = v.GetIndices();
        for (var k = 0; k < indices.Length && k < values.Length; k++)
        {
            if ((uint)indices[k] < (uint)featureCount)
            {
                dense[indices[k]] = values[k];
            }
        }

        return dense;
    }

    private double Vote(double mean) => Targets.IsBinary(Target) ? Math.Clamp(mean, 1e-6, 1 - 1e-6) : Math.Max(0, mean);
}
