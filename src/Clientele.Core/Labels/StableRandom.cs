using Clientele.Core.Text;

namespace Clientele.Core.Labels;

/// <summary>
/// A random stream derived from (seed, key) with <see cref="StableHash"/>, so a client's draws do not
/// depend on the order or number of other clients, nor on the process (string.GetHashCode is randomised).
/// </summary>
public sealed class StableRandom
{
    private readonly Random _random;

    /// <summary>The stream of <paramref name="key"/> (a client id) under <paramref name="seed"/>.</summary>
    public StableRandom(int seed, string key)
    {
        var hash = StableHash.Of(key, seed);
        _random = new Random((int)(hash ^ (hash >> 32)));
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => _random.NextDouble();

    /// <summary>Standard normal draw (Box–Muller).</summary>
    public double NextGaussian() => _random.NextGaussian();
}
