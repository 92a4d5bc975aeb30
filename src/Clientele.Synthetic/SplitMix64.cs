using Clientele.Core.Labels;

namespace Clientele.Synthetic;

/// <summary>
/// SplitMix64: a tiny, fast, well-mixed generator whose sequence is fixed by this code (not by the runtime's
/// <see cref="Random"/> implementation), so files stay identical across .NET versions.
/// </summary>
internal struct SplitMix64
{
    private ulong _state;

    public SplitMix64(int seed, long stream)
    {
        // (seed, stream) → distinct start states: the pair is packed into 64 bits and mixed (a bijection).
        _state = Mix(((ulong)(uint)seed << 32) ^ (ulong)stream);
    }

    public ulong NextULong()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n) for n ≥ 1 (multiply-high: no modulo bias worth the name).</summary>
    public int Next(int n) => (int)Math.BigMul(NextULong(), (ulong)n, out _);

    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Standard normal (<see cref="Gaussian.Standard"/> of the next two uniforms).</summary>
    public double NextGaussian() => Gaussian.Standard(NextDouble(), NextDouble());

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
