using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using MlPlatt = Microsoft.ML.Calibrators.PlattCalibrator;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms;

namespace Clientele.Core.Training;

/// <summary>
/// An ML.NET member (boosting or linear) evaluated straight from its learned parameters: building an IDataView,
/// transforming it and reading a column cost ~30 ms per Elite batch of 2,000 rows, the arithmetic itself well
/// under a millisecond. ML.NET stays the trainer and the saved format; this only reads the fitted model, and
/// only the shapes Clientele trains (anything else compiles to null and ML.NET scores it as before).
/// Outputs equal ML.NET's "Score" (regression) or "Probability" (binary) column within float rounding.
/// </summary>
internal abstract class CompiledMember
{
    // Built lazily once per fitted or loaded model (a bundle's members live as long as the bundle).
    private static readonly ConditionalWeakTable<ITransformer, StrongBox<CompiledMember?>> Cache = new();

    private readonly (double Slope, double Offset)? _platt;

    /// <param name="platt">ML.NET's Platt calibrator parameters for a binary member, null for a regression member.</param>
    protected CompiledMember((double Slope, double Offset)? platt) => _platt = platt;

    /// <summary>True when the output is a calibrated probability (ML.NET's "Probability" column), false for a raw "Score".</summary>
    public bool IsProbability => _platt is not null;

    /// <summary>The compiled form of <paramref name="model"/>, or null when it has a shape this type does not evaluate.</summary>
    public static CompiledMember? For(ITransformer model) => Cache.GetValue(model, static m => new StrongBox<CompiledMember?>(TryCompile(m))).Value;

    private static CompiledMember? TryCompile(ITransformer model)
    {
        try
        {
            return Compile(model);
        }
        catch (InvalidOperationException)
        {
            // A model whose parameters do not have the shape read here (e.g. out-of-range children) stays with ML.NET.
            return null;
        }
    }

    /// <summary>
    /// Scores every row into <paramref name="output"/>; false (output undefined) when a row has the wrong width
    /// or a non-finite value, which ML.NET treats specially (missing-value defaults), so the caller uses ML.NET.
    /// </summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryScore(float[][] rows, Span<float> output)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            if (!TryRawScore(rows[i], out var score))
            {
                return false;
            }

            // ML.NET's PlattCalibrator.PredictProbability, operation for operation.
            output[i] = _platt is { } p && !float.IsNaN(score) ? (float)(1 / (1 + Math.Exp((p.Slope * score) + p.Offset))) : score;
        }

        return true;
    }

    /// <summary>The uncalibrated score of one row as ML.NET computes it; false when the row cannot be scored here.</summary>
    protected abstract bool TryRawScore(float[] row, out float score);

    /// <summary>True when every value is finite (NaN and infinities fail the magnitude test), vectorised.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static bool AllFinite(ReadOnlySpan<float> row)
    {
        var max = new Vector<float>(float.MaxValue);
        var i = 0;
        for (; i <= row.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            if (!Vector.LessThanOrEqualAll(Vector.Abs(new Vector<float>(row[i..])), max))
            {
                return false;
            }
        }

        for (; i < row.Length; i++)
        {
            if (!float.IsFinite(row[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static CompiledMember? Compile(ITransformer model)
    {
        var parts = model is IEnumerable<ITransformer> chain ? chain.ToList() : [model];
        float[]? scale = null;
        float[]? offset = null;
        if (parts.Count == 2 && parts[0] is NormalizingTransformer normalizer)
        {
            // Min-max with fixZero (ML.NET's default) stores no offset; an offset is subtracted before scaling.
            if (normalizer.GetNormalizerModelParameters(0) is not NormalizingTransformer.AffineNormalizerModelParameters<ImmutableArray<float>> affine
                || affine.Scale.IsDefaultOrEmpty)
            {
                return null;
            }

            scale = affine.Scale.ToArray();
            if (!affine.Offset.IsDefaultOrEmpty)
            {
                if (affine.Offset.Length != scale.Length)
                {
                    return null;
                }

                offset = affine.Offset.ToArray();
            }

            parts.RemoveAt(0);
        }

        if (parts.Count != 1 || parts[0] is not ISingleFeaturePredictionTransformer<object> predictor || predictor.FeatureColumnName != "Features")
        {
            return null;
        }

        var parameters = predictor.Model;
        (double, double)? platt = null;
        if (parameters is CalibratedModelParametersBase calibrated)
        {
            if (calibrated.Calibrator is not MlPlatt p)
            {
                return null;
            }

            platt = (p.Slope, p.Offset);
            parameters = calibrated.SubModel;
        }

        // Exact types only: other linear models (Poisson) or tree models (FastTree variants) apply other links.
        var type = parameters.GetType();
        if (type == typeof(LinearBinaryModelParameters) || type == typeof(LinearRegressionModelParameters))
        {
            var linear = (LinearModelParameters)parameters;
            var weights = linear.Weights.ToArray();
            return scale is null || scale.Length == weights.Length ? new CompiledLinear(weights, linear.Bias, scale, offset, platt) : null;
        }

        if (scale is null && (type == typeof(LightGbmBinaryModelParameters) || type == typeof(LightGbmRegressionModelParameters)))
        {
            return CompiledTrees.From(((Microsoft.ML.Trainers.FastTree.TreeEnsembleModelParametersBasedOnRegressionTree)parameters).TrainedTreeEnsemble, platt);
        }

        return null;
    }
}
