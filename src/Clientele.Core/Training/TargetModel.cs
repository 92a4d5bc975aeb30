using Clientele.Core.Labels;
using Clientele.Core.Training.Forest;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Clientele.Core.Training;

/// <summary>
/// The trained model of one target: one member (Fast) or several combined by soft voting (Elite): the
/// weighted mean of calibrated probabilities for a binary target, of predictions for CLV (weights learned
/// out of fold, see <see cref="VoteWeights"/>; equal in bundles written before weights existed).
/// </summary>
public sealed class TargetModel(Target target, IReadOnlyList<EnsembleMember> members)
{
    public Target Target { get; } = target;

    public IReadOnlyList<EnsembleMember> Members { get; } = members;

    /// <summary>Scores rows: one batch transform per ML.NET member, a parallel batch for the forest.</summary>
    public double[] Predict(MLContext ml, float[][] rows, int featureCount)
    {
        // Built only if a member must go through ML.NET: the trained shapes are all evaluated directly, and turning
        // 2,000 rows into a data view costs more than scoring them.
        IDataView? view = null;
        IDataView View() => view ??= FeatureTable.ToDataView(ml, rows, null, featureCount);
        var combined = new double[rows.Length];
        var totalWeight = Members.Sum(m => m.Weight);
        foreach (var member in Members)
        {
            if (member.Weight <= 0)
            {
                continue;
            }

            var scores = MemberOutput(member, rows, View);
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

    /// <summary>One member's calibrated outputs for the given rows (for the soft vote, tests and per-member metrics).</summary>
    public double[] MemberOutput(EnsembleMember member, float[][] rows, IDataView? view) =>
        MemberOutput(member, rows, () => view ?? throw new ArgumentNullException(nameof(view)));

    private double[] MemberOutput(EnsembleMember member, float[][] rows, Func<IDataView> view)
    {
        var binary = Targets.IsBinary(Target);
        double[] raw;
        float[]? scores;
        if (member.Forest is { } forest)
        {
            raw = new double[rows.Length];
            forest.PredictBatch(rows, raw);
        }
        else if (CompiledMember.For(member.Model!) is { } compiled && compiled.IsProbability == binary
                 && compiled.TryScore(rows, scores = new float[rows.Length]))
        {
            // The member's own parameters, evaluated directly: ML.NET's transform costs far more than its arithmetic.
            raw = new double[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                raw[i] = (scores[i] * member.LabelScale) + member.LabelMean;
            }
        }
        else
        {
            var output = member.Model!.Transform(view());
            var column = binary ? "Probability" : "Score";
            raw = output.GetColumn<float>(column).Select(v => (v * member.LabelScale) + member.LabelMean).ToArray();
        }

        if (binary)
        {
            for (var i = 0; i < raw.Length; i++)
            {
                raw[i] = Math.Clamp(member.Calibration.Apply(raw[i]), 0, 1);
            }
        }

        return raw;
    }

    /// <summary>
    /// Per-row feature contributions of the forest member (Saabas path attribution: each split on the
    /// way to a leaf credits its feature with the change in mean), scaled so a row's largest absolute
    /// contribution is 1. Null when the model has no forest.
    /// </summary>
    public float[][]? Contributions(float[][] rows)
    {
        var forest = Forest;
        if (forest is null)
        {
            return null;
        }

        var result = new float[rows.Length][];
        Parallel.For(0, rows.Length, i =>
        {
            var c = new float[forest.FeatureCount];
            Contributions(forest, rows[i], c);
            result[i] = c;
        });
        return result;
    }

    /// <summary>
    /// One row's contributions, as <see cref="Contributions(float[][])"/> computes them, into a caller's buffer
    /// (at least <see cref="ForestModel.FeatureCount"/> long): scoring with reasons then keeps no per-row arrays.
    /// False, buffer untouched, when the model has no forest.
    /// </summary>
    public bool Contributions(float[] row, Span<float> destination)
    {
        var forest = Forest;
        if (forest is null)
        {
            return false;
        }

        Contributions(forest, row, destination[..forest.FeatureCount]);
        return true;
    }

    /// <summary>The forest member, if any (the one contributions come from).</summary>
    public ForestModel? Forest { get; } = members.FirstOrDefault(m => m.Forest is not null)?.Forest;

    private static void Contributions(ForestModel forest, float[] row, Span<float> c)
    {
        forest.Contributions(row, c);
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
