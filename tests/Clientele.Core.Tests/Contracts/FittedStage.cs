using Clientele.Core.Errors;

namespace Clientele.Core.Tests.Contracts;

/// <summary>
/// One fitted stage as the contract sees it: how to build its input, fit it with a seed, read its output on fixed
/// probe data, and (when it has a saved form of its own) save, load and age that form. <see cref="StageContractTests"/>
/// runs the same checks over every instance from <see cref="Stages"/>.
/// </summary>
public abstract class FittedStage
{
    /// <summary>Name shown in the test explorer.</summary>
    public abstract string Name { get; }

    /// <summary>True when the stage saves itself; false when its state lives in the bundle metadata.</summary>
    public abstract bool Saves { get; }

    /// <summary>True when its saved form carries a format version of its own (else the bundle's version covers it).</summary>
    public abstract bool Versioned { get; }

    /// <summary>Fits on fresh input and returns the output on the probe data, the input's digest before and after the fit.</summary>
    public abstract (double[] Output, string Before, string After) FitAndRun(int seed);

    /// <summary>Fits, saves, loads and returns (output before saving, output after loading).</summary>
    public abstract (double[] Fitted, double[] Loaded) RoundTrip(int seed);

    /// <summary>Loads the saved form with its format version raised by one; must throw.</summary>
    public abstract void LoadNewer(int seed);

    /// <summary>Feeds the stage its documented bad input; must throw the documented exception.</summary>
    public abstract void FeedBadInput();

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>A stage from delegates: <typeparamref name="TInput"/> in, <typeparamref name="TFitted"/> out.</summary>
public sealed class FittedStage<TInput, TFitted>(string name, Func<TInput> input, Func<TInput, int, TFitted> fit, Func<TFitted, double[]> run,
    Func<TInput, string> digest) : FittedStage
{
    /// <inheritdoc/>
    public override string Name => name;

    /// <summary>Saves a fitted stage to bytes (null: no saved form of its own).</summary>
    public Func<TFitted, byte[]>? Save { get; init; }

    /// <summary>Loads bytes written by <see cref="Save"/> (the original is given for what the bytes do not hold: a lexicon, a target).</summary>
    public Func<TFitted, byte[], TFitted>? Load { get; init; }

    /// <summary>The saved bytes with the format version raised by one.</summary>
    public Func<byte[], byte[]>? Newer { get; init; }

    /// <summary>The documented bad input, thrown from here.</summary>
    public required Action BadInput { get; init; }

    /// <inheritdoc/>
    public override bool Saves => Save is not null;

    /// <inheritdoc/>
    public override bool Versioned => Saves && Newer is not null;

    /// <inheritdoc/>
    public override (double[] Output, string Before, string After) FitAndRun(int seed)
    {
        var data = input();
        var before = digest(data);
        var fitted = fit(data, seed);
        return (run(fitted), before, digest(data));
    }

    /// <inheritdoc/>
    public override (double[] Fitted, double[] Loaded) RoundTrip(int seed)
    {
        var fitted = fit(input(), seed);
        return (run(fitted), run(Load!(fitted, Save!(fitted))));
    }

    /// <inheritdoc/>
    public override void LoadNewer(int seed)
    {
        var fitted = fit(input(), seed);
        Load!(fitted, Newer!(Save!(fitted)));
    }

    /// <inheritdoc/>
    public override void FeedBadInput() => BadInput();
}

/// <summary>The errors the contract expects.</summary>
internal static class Expect
{
    /// <summary>Asserts that loading an aged format fails with a user-facing message naming the version.</summary>
    public static void VersionRefused(Action load)
    {
        var e = Assert.Throws<ClienteleInputException>(load);
        Assert.Contains("version", e.Message, StringComparison.OrdinalIgnoreCase);
    }
}
