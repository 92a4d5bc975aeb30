using System.Text;

namespace Clientele.Core.Labels;

/// <summary>
/// A random stream derived from (seed, key) with a stable hash (FNV-1a), so a client's draws do not
/// depend on the order or number of other clients, nor on the process (string.GetHashCode is randomised).
/// </summary>
public sealed class StableRandom
{
    private readonly Random _random;

    public StableRandom(int seed, string key)
    {
        var hash = 14695981039346656037UL ^ (ulong)(uint)seed;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        _random = new Random((int)(hash ^ (hash >> 32)));
    }

    public double NextDouble() => _random.NextDouble();

    /// <summary>Standard normal draw (Box–Muller).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
