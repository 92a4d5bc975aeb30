using System.Text.Json;

namespace Clientele.Core.History;

/// <summary>A fitted Gamma-Gamma spend model (see <see cref="GammaGammaOptions"/>): p, q, v and the expected spend per purchase.</summary>
public sealed class GammaGammaModel
{
    /// <summary>The format written by <see cref="Save"/>.</summary>
    public const int FormatVersion = 1;

    public GammaGammaModel(double p, double q, double v, double logLikelihood = double.NaN, int clients = 0)
    {
        P = p;
        Q = q;
        V = v;
        LogLikelihood = logLikelihood;
        Clients = clients;
    }

    public double P { get; }

    public double Q { get; }

    public double V { get; }

    public double LogLikelihood { get; }

    /// <summary>Clients with repeat purchases the model was fitted on.</summary>
    public int Clients { get; }

    /// <summary>
    /// E[spend per purchase | x purchases averaging m] = p(v + x·m) / (p·x + q − 1): a weighted mean of the population
    /// mean p·v/(q−1) and the client's own m, the more purchases the more weight on m. For q ≤ 1 the population mean is
    /// infinite; the client's own mean is returned then rather than a meaningless number.
    /// </summary>
    public double ExpectedAverageSpend(double x, double m)
    {
        var denominator = P * x + Q - 1;
        if (denominator <= 0)
        {
            return x > 0 ? m : double.NaN;
        }

        return P * (V + x * m) / denominator;
    }

    public void Save(Stream stream) =>
        ModelJson.Write(stream, FormatVersion, "gamma_gamma", [("p", P), ("q", Q), ("v", V)], LogLikelihood, Clients);

    /// <summary>Reads what <see cref="Save"/> wrote; a newer format or a damaged file throws a ClienteleInputException.</summary>
    public static GammaGammaModel Load(Stream stream, string source = "gamma-gamma model")
    {
        var root = ModelJson.Read(stream, source, "Gamma-Gamma", "gamma_gamma", FormatVersion);
        return new GammaGammaModel(
            ModelJson.Positive(root, "p", source, "Gamma-Gamma"),
            ModelJson.Positive(root, "q", source, "Gamma-Gamma"),
            ModelJson.Positive(root, "v", source, "Gamma-Gamma"),
            ModelJson.LogLikelihood(root),
            ModelJson.Clients(root));
    }
}
