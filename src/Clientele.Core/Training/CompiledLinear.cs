using System.Numerics;

namespace Clientele.Core.Training;

/// <summary>
/// A linear member (optionally min-max normalised, optionally Platt-calibrated) as ML.NET scores it: each
/// feature normalised to float, then bias + Σ weight·value accumulated in float lanes, as ML.NET's SIMD dot
/// product does (the lane order differs, so results agree to float rounding, not bit for bit).
/// </summary>
internal sealed class CompiledLinear(float[] weights, float bias, float[]? scale, float[]? offset, (double Slope, double Offset)? platt) : CompiledMember(platt)
{
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    protected override bool TryRawScore(float[] row, out float score)
    {
        score = 0;
        if (row.Length != weights.Length)
        {
            return false;
        }

        var sum = Vector<float>.Zero;
        var width = Vector<float>.Count;
        var i = 0;
        for (; i <= row.Length - width; i += width)
        {
            var x = new Vector<float>(row, i);
            if (offset is not null)
            {
                x -= new Vector<float>(offset, i);
            }

            if (scale is not null)
            {
                x *= new Vector<float>(scale, i);
            }

            sum += x * new Vector<float>(weights, i);
        }

        var dot = Vector.Sum(sum);
        for (; i < row.Length; i++)
        {
            var x = row[i];
            if (offset is not null)
            {
                x -= offset[i];
            }

            if (scale is not null)
            {
                x *= scale[i];
            }

            dot += x * weights[i];
        }

        // A non-finite input always makes the sum non-finite (x·0 is NaN for x infinite), and ML.NET's handling
        // of such rows is left to ML.NET.
        score = bias + dot;
        return float.IsFinite(dot);
    }
}
