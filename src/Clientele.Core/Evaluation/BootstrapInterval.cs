namespace Clientele.Core.Evaluation;

/// <summary>A bootstrap mean with its interval; <see cref="Verdict"/> reads it as a comparison.</summary>
public readonly record struct BootstrapInterval(double Mean, double Low, double High)
{
    /// <summary>"better" when the whole interval is above 0, "worse" when it is below, else "within noise".</summary>
    public string Verdict => Low > 0 ? "better" : High < 0 ? "worse" : "within noise";
}
