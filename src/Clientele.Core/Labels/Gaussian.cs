namespace Clientele.Core.Labels;

/// <summary>The one standard-normal transform (Box–Muller) every random stream of Clientele uses.</summary>
public static class Gaussian
{
    /// <summary>
    /// A standard normal draw from two uniforms in [0, 1), taken in this order (callers draw <paramref name="first"/>
    /// before <paramref name="second"/>, so a stream's sequence stays fixed).
    /// </summary>
    /// <param name="first">The radius uniform; <c>1 − first</c> is in (0, 1], so its logarithm is finite.</param>
    /// <param name="second">The angle uniform.</param>
    public static double Standard(double first, double second) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - first)) * Math.Cos(2.0 * Math.PI * second);

    /// <summary>A standard normal draw from <paramref name="random"/>: <see cref="Standard"/> of its next two uniforms, in that order.</summary>
    public static double NextGaussian(this Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Standard(random.NextDouble(), random.NextDouble());
    }
}
