using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Clientele.Core.History;

/// <summary>
/// Minimises a negative log-likelihood over the logarithms of positive parameters with MathNet's Nelder–Mead,
/// from several starts, restarting each from its result until it stops improving: a simplex can stall on the long
/// curved ridges these likelihoods have (r and α move together), and a fresh simplex at the end point gets it moving.
/// </summary>
internal static class LogSpaceMinimizer
{
    /// <summary>Relative spread of the simplex's values at which Nelder–Mead stops; far below the 2 decimals LLs are quoted to.</summary>
    private const double Tolerance = 1e-12;

    /// <summary>A restart that gains less than this (in log-likelihood) ends the search.</summary>
    private const double Gain = 1e-9;

    /// <summary>Restarts per start; two are usually enough, the rest is a guard against a slow ridge.</summary>
    private const int Restarts = 6;

    /// <summary>Items per parallel chunk: large enough that scheduling costs nothing, fixed so sums are reproducible.</summary>
    public const int Chunk = 16_384;

    public static (double[] LogParameters, double Value) Minimize(Func<double[], double> objective, IEnumerable<double[]> starts, int maxIterations)
    {
        double[]? best = null;
        var bestValue = double.PositiveInfinity;

        double Safe(Vector<double> v)
        {
            var p = v.ToArray();
            var f = objective(p);
            if (double.IsNaN(f))
            {
                f = double.PositiveInfinity;
            }

            // Kept so a run that hits the iteration cap still hands back the best point it saw.
            if (f < bestValue)
            {
                bestValue = f;
                best = p;
            }

            return double.IsPositiveInfinity(f) ? double.MaxValue : f;
        }

        var function = ObjectiveFunction.Value(Safe);
        foreach (var start in starts)
        {
            var point = Vector<double>.Build.DenseOfArray(start);
            var previous = double.PositiveInfinity;
            for (var restart = 0; restart < Restarts; restart++)
            {
                try
                {
                    var result = new NelderMeadSimplex(Tolerance, maxIterations).FindMinimum(function, point,
                        Vector<double>.Build.Dense(start.Length, restart == 0 ? 0.5 : 0.05));
                    point = result.MinimizingPoint;
                }
                catch (MaximumIterationsException)
                {
                    point = Vector<double>.Build.DenseOfArray(best!);
                }

                var value = Safe(point);
                if (previous - value < Gain)
                {
                    break;
                }

                previous = value;
            }
        }

        if (best is null || !double.IsFinite(bestValue))
        {
            throw new ArithmeticException("the likelihood is not finite at any point tried");
        }

        return (best, bestValue);
    }

    /// <summary>Σ of <paramref name="part"/> over [0, n) in fixed chunks on all cores, added in chunk order so the result does not depend on scheduling.</summary>
    public static double ParallelSum(int n, Func<int, int, double> part)
    {
        var chunks = (n + Chunk - 1) / Chunk;
        if (chunks <= 1)
        {
            return part(0, n);
        }

        var sums = new double[chunks];
        Parallel.For(0, chunks, k => sums[k] = part(k * Chunk, Math.Min(n, (k + 1) * Chunk)));
        var total = 0.0;
        foreach (var s in sums)
        {
            total += s;
        }

        return total;
    }
}
