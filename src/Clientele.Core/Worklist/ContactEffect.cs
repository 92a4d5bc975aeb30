using Clientele.Core.History;

namespace Clientele.Core.Worklist;

/// <summary>
/// Does the worklist work? The share of listed clients who bought within <see cref="ContactEffectOptions.Days"/> of
/// the worklist's date against the share of the held-out control group, and the difference with a seeded bootstrap
/// interval (each group resampled on its own). Listed against held out, whether or not the advisor reached the client
/// (intent to treat): the groups were split at random, so the difference is the worklist's effect.
/// </summary>
/// <param name="Listed">Listed assignments whose window is over.</param>
/// <param name="ListedBought">Of them, how many bought in the window.</param>
/// <param name="Control">Held-out assignments whose window is over.</param>
/// <param name="ControlBought">Of them, how many bought in the window.</param>
/// <param name="Difference">Listed rate minus control rate.</param>
/// <param name="Low">Lower end of the interval of the difference.</param>
/// <param name="High">Upper end.</param>
/// <param name="Pending">Assignments whose window runs past the newest purchase (not counted yet).</param>
public sealed record ContactEffect(int Listed, int ListedBought, int Control, int ControlBought, double Difference, double Low, double High, int Pending)
{
    public double ListedRate => Listed == 0 ? double.NaN : (double)ListedBought / Listed;

    public double ControlRate => Control == 0 ? double.NaN : (double)ControlBought / Control;

    /// <summary>"better" when the whole interval is above 0, "worse" when below, else "within noise".</summary>
    public string Verdict => new Evaluation.BootstrapInterval(Difference, Low, High).Verdict;
}

/// <summary>How the contact effect is measured: the window after the worklist's date and the bootstrap seed.</summary>
public sealed record ContactEffectOptions
{
    public int Days { get; init; } = Defaults.ContactEffectDays;

    public int Seed { get; init; } = Defaults.Seed;

    /// <summary>
    /// Measures <paramref name="assignments"/> against <paramref name="purchases"/>: a purchase day in
    /// (as-of, as-of + <see cref="Days"/>] counts; an assignment whose window ends after <paramref name="observedUntil"/>
    /// (the newest purchase known) is pending, not a "no purchase".
    /// </summary>
    public ContactEffect Measure(IReadOnlyList<Assignment> assignments, PurchaseLedger purchases, DateOnly observedUntil)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(purchases);
        var listed = new List<double>();
        var control = new List<double>();
        var pending = 0;
        foreach (var a in assignments)
        {
            var end = a.AsOf.AddDays(Days);
            if (end > observedUntil)
            {
                pending++;
                continue;
            }

            var bought = purchases.For(a.ClientId)?.PurchaseDays(a.AsOf, end) > 0 ? 1.0 : 0.0;
            (a.Control ? control : listed).Add(bought);
        }

        var difference = Mean(listed) - Mean(control);
        var (low, high) = Interval(listed, control);
        return new ContactEffect(listed.Count, (int)listed.Sum(), control.Count, (int)control.Sum(), difference, low, high, pending);
    }

    private (double Low, double High) Interval(List<double> listed, List<double> control)
    {
        if (listed.Count == 0 || control.Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        var random = new Random(Seed);
        var samples = new double[Evaluation.PairedBootstrap.Resamples];
        for (var b = 0; b < samples.Length; b++)
        {
            samples[b] = Resampled(listed, random) - Resampled(control, random);
        }

        Array.Sort(samples);
        var tail = (1 - Evaluation.PairedBootstrap.Coverage) / 2;
        return (samples[(int)Math.Floor(tail * (samples.Length - 1))], samples[(int)Math.Ceiling((1 - tail) * (samples.Length - 1))]);
    }

    private static double Resampled(List<double> values, Random random)
    {
        var sum = 0.0;
        for (var i = 0; i < values.Count; i++)
        {
            sum += values[random.Next(values.Count)];
        }

        return sum / values.Count;
    }

    private static double Mean(List<double> values) => values.Count == 0 ? double.NaN : values.Average();
}
