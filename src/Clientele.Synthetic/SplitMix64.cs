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

    /// <summary>
    /// A stream of another <paramref name="domain"/> (the transactions draw from one per client): the packed
    /// (seed, stream) state is mixed with the domain, so it never replays the notes' stream of the same client.
    /// </summary>
    public SplitMix64(int seed, long stream, ulong domain)
    {
        _state = Mix(Mix(((ulong)(uint)seed << 32) ^ (ulong)stream) ^ domain);
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

    /// <summary>Exponential with mean 1 (inversion; 1 − U is never 0).</summary>
    public double NextExponential() => -Math.Log(1 - NextDouble());

    /// <summary>
    /// Gamma with mean <paramref name="shape"/> and scale 1, by Marsaglia and Tsang (2000); a shape below 1 is
    /// boosted to shape + 1 and multiplied by U^(1/shape), their standard reduction.
    /// </summary>
    public double NextGamma(double shape)
    {
        if (shape < 1)
        {
            return NextGamma(shape + 1) * Math.Pow(1 - NextDouble(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = NextGaussian();
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = 1 - NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    /// <summary>Beta(a, b) as the ratio of two Gamma draws.</summary>
    public double NextBeta(double a, double b)
    {
        var x = NextGamma(a);
        return x / (x + NextGamma(b));
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
