using Clientele.Core.Labels;

namespace Clientele.Bench;

/// <summary>Gaussian draws for the synthetic generator (System.Random has none).</summary>
public static class RandomExtensions
{
    /// <summary>Standard normal through the one transform production uses (<see cref="Gaussian.Standard"/>).</summary>
    public static double NextGaussian(this Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return Gaussian.Standard(rng.NextDouble(), rng.NextDouble());
    }
}
