using Clientele.Core.Labels;
using Clientele.Core.Training.Forest;
using Clientele.Core.Training.Learners;
using Microsoft.ML;

namespace Clientele.Core.Training;

/// <summary>
/// The trained model of one target: one member (Fast) or several combined by soft voting (Elite): the
/// weighted mean of calibrated probabilities for a binary target, of predictions for CLV (weights learned
/// out of fold, see <see cref="VoteWeights"/>; equal in bundles written before weights existed).
/// </summary>
public sealed class TargetModel(Target target, IReadOnlyList<EnsembleMember> members)
{
    // The member contributions come from: the first that can explain (the forest).
    private readonly ITrainedMember? _explainer = members.FirstOrDefault(m => m.Model.HasContributions)?.Model;

    public Target Target { get; } = target;

    public IReadOnlyList<EnsembleMember> Members { get; } = members;

    /// <summary>The forest member, if any (the scorer walks it for sparse reasons).</summary>
    public ForestModel? Forest { get; } = members.Select(m => m.Model).OfType<ForestLearner.Member>().FirstOrDefault()?.Forest;

    /// <summary>Scores rows: every member's batch, combined by the weighted soft vote.</summary>
    public double[] Predict(float[][] rows)
    {
        var combined = new double[rows.Length];
        var totalWeight = Members.Sum(m => m.Weight);
        foreach (var member in Members)
        {
            if (member.Weight <= 0)
            {
                continue;
            }

            var scores = MemberOutput(member, rows);
            for (var i = 0; i < rows.Length; i++)
            {
                combined[i] += member.Weight * scores[i];
            }
        }

        for (var i = 0; i < rows.Length; i++)
        {
            combined[i] = Vote(combined[i] / totalWeight);
        }

        return combined;
    }

    /// <summary>As <see cref="Predict(float[][])"/>; the context and width are no longer needed (kept for existing callers).</summary>
    public double[] Predict(MLContext ml, float[][] rows, int featureCount) => Predict(rows);

    /// <summary>One member's calibrated outputs for the given rows (for the soft vote, tests and per-member metrics).</summary>
    public double[] MemberOutput(EnsembleMember member, float[][] rows) => member.Outputs(rows, Targets.IsBinary(Target));

    /// <summary>
    /// Per-row feature contributions of the explaining member (the forest's Saabas path attribution: each split
    /// on the way to a leaf credits its feature with the change in mean), scaled so a row's largest absolute
    /// contribution is 1. Null when no member explains.
    /// </summary>
    public float[][]? Contributions(float[][] rows)
    {
        if (_explainer is not { } explainer)
        {
            return null;
        }

        var result = new float[rows.Length][];
        Parallel.For(0, rows.Length, i =>
        {
            var c = new float[explainer.FeatureCount];
            Contributions(explainer, rows[i], c);
            result[i] = c;
        });
        return result;
    }

    /// <summary>
    /// One row's contributions, as <see cref="Contributions(float[][])"/> computes them, into a caller's buffer
    /// (at least the member's feature count long): scoring with reasons then keeps no per-row arrays.
    /// False, buffer untouched, when no member explains.
    /// </summary>
    public bool Contributions(float[] row, Span<float> destination)
    {
        if (_explainer is not { } explainer)
        {
            return false;
        }

        Contributions(explainer, row, destination[..explainer.FeatureCount]);
        return true;
    }

    private static void Contributions(ITrainedMember explainer, float[] row, Span<float> c)
    {
        explainer.Contributions(row, c);
        var max = 0f;
        foreach (var v in c)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        if (max > 0)
        {
            for (var j = 0; j < c.Length; j++)
            {
                c[j] /= max;
            }
        }
    }

    private double Vote(double mean) => Targets.IsBinary(Target) ? Math.Clamp(mean, 1e-6, 1 - 1e-6) : Math.Max(0, mean);
}
