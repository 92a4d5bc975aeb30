using Clientele.Core.Labels;

namespace Clientele.TestKit;

/// <summary>Gaussian draws for tests' own data (System.Random has none), through the one transform production uses.</summary>
public static class RandomExtensions
{
    /// <summary>A standard normal draw: <see cref="Gaussian.Standard"/> of the next two uniforms, in that order.</summary>
    public static double NextGaussian(this Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Gaussian.Standard(random.NextDouble(), random.NextDouble());
    }
}
