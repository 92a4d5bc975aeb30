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

    /// <summary>Gradient size (relative to the objective, MathNet's BFGS criterion) at which BFGS stops: far below the printed precision of any figure.</summary>
    private const double GradientTolerance = 1e-11;

    /// <summary>
    /// Minimises with MathNet's BFGS from each start, using the analytic gradient (a few dozen evaluations instead of
    /// Nelder–Mead's thousands: what makes a million-client fit take seconds). A start whose line search fails (a
    /// non-finite region) falls back to <see cref="Minimize"/> from that start, so no start is lost.
    /// </summary>
    public static (double[] LogParameters, double Value) MinimizeWithGradient(
        Func<double[], (double Value, double[] Gradient)> objective, IEnumerable<double[]> starts, int maxIterations)
    {
        double[]? best = null;
        var bestValue = double.PositiveInfinity;
        var function = ObjectiveFunction.Gradient(v =>
        {
            var (f, g) = objective(v.ToArray());
            if (!double.IsFinite(f))
            {
                throw new ArithmeticException("the likelihood is not finite here");
            }

            if (f < bestValue)
            {
                bestValue = f;
                best = v.ToArray();
            }

            return (f, Vector<double>.Build.DenseOfArray(g));
        });

        foreach (var start in starts)
        {
            try
            {
                new BfgsMinimizer(GradientTolerance, 1e-14, 1e-15, maxIterations).FindMinimum(function, Vector<double>.Build.DenseOfArray(start));
            }
            catch (Exception e) when (e is OptimizationException or ArithmeticException or MaximumIterationsException)
            {
                var (p, v) = Minimize(lp => objective(lp).Value, [best ?? start], maxIterations);
                if (v < bestValue)
                {
                    bestValue = v;
                    best = p;
                }
            }
        }

        if (best is null || !double.IsFinite(bestValue))
        {
            throw new ArithmeticException("the likelihood is not finite at any point tried");
        }

        return (best, bestValue);
    }

    /// <summary>
    /// Σ of <paramref name="part"/>'s <paramref name="width"/> accumulators over [0, n), in fixed chunks on all cores,
    /// added in chunk order so the result does not depend on scheduling (a value and its gradient in one pass).
    /// </summary>
    public static double[] ParallelSums(int n, int width, Action<int, int, double[]> part)
    {
        var chunks = Math.Max(1, (n + Chunk - 1) / Chunk);
        var sums = new double[chunks][];
        Parallel.For(0, chunks, k =>
        {
            sums[k] = new double[width];
            part(k * Chunk, Math.Min(n, (k + 1) * Chunk), sums[k]);
        });
        var total = new double[width];
        foreach (var s in sums)
        {
            for (var j = 0; j < width; j++)
            {
                total[j] += s[j];
            }
        }

        return total;
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
