using System.ComponentModel;
using Clientele.Cli.Infrastructure;
using Clientele.Synthetic;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="GenerateCommand"/>.</summary>
public sealed class GenerateSettings : CommandSettings
{
    [CommandOption("--clients <N>")]
    [Description("Number of clients to generate.")]
    [DefaultValue(2000)]
    public int Clients { get; init; } = 2000;

    [CommandOption("--out <DIR>")]
    [Description("Directory for notes.csv, labels.csv and transactions.csv. (required)")]
    public string? Out { get; init; }

    [CommandOption("--seed <N>")]
    [Description("Seed of the generator: the same seed and options write byte-identical files.")]
    [DefaultValue(Core.Defaults.Seed)]
    public int Seed { get; init; } = Core.Defaults.Seed;

    [CommandOption("--no-transactions")]
    [Description("Write notes.csv and labels.csv only, without transactions.csv (the purchase history of the three years up to the as-of date).")]
    public bool NoTransactions { get; init; }

    [CommandOption("--languages <LIST>")]
    [Description("Comma-separated language codes among " + LanguageCodes + " (default: all 12).")]
    public string? Languages { get; init; }

    /// <summary>The generator's languages as the help lists them (a test keeps it equal to the generator's own list).</summary>
    internal const string LanguageCodes = "EN, FR, DE, ES, IT, PT, NL, RU, AR, JA, KO, ZH";

    [CommandOption("--scenario <NAME>")]
    [Description("standard (default: labels from the lexicon signals) or maison (invented product lines, a duration that matters, a Store column, and lines-overlay.csv: the lines as a lexicon overlay; docs/GENERATED-DATA.md).")]
    [DefaultValue("standard")]
    public string Scenario { get; init; } = "standard";

    public override Spectre.Console.ValidationResult Validate()
    {
        if (Clients < 1)
        {
            return Spectre.Console.ValidationResult.Error("--clients must be at least 1");
        }

        if (Languages is not null && Languages.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(l => !NotesGenerator.AllLanguages.Contains(l.ToUpperInvariant())) is { } bad)
        {
            return Spectre.Console.ValidationResult.Error($"--languages: '{bad}' is not one of {string.Join(", ", NotesGenerator.AllLanguages)}");
        }

        if (!Enum.TryParse<GeneratorScenario>(Scenario, ignoreCase: true, out _) || int.TryParse(Scenario, out _))
        {
            return Spectre.Console.ValidationResult.Error($"--scenario: '{Scenario}' is not one of standard, maison");
        }

        return string.IsNullOrWhiteSpace(Out) ? Spectre.Console.ValidationResult.Error("--out <DIR> is required") : base.Validate();
    }
}

/// <summary><c>clientele generate</c>: synthetic notes + labels with known generating probabilities, and the purchase history they drive.</summary>
public sealed class GenerateCommand : Command<GenerateSettings>
{
    public override int Execute(CommandContext context, GenerateSettings settings, CancellationToken cancellationToken)
    {
        var languages = settings.Languages?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(l => l.ToUpperInvariant()).ToList();
        var scenario = Enum.Parse<GeneratorScenario>(settings.Scenario, ignoreCase: true);
        SampleData.Write(new GeneratorOptions(settings.Clients, settings.Seed, languages) { Scenario = scenario }, settings.Out!, !settings.NoTransactions);
        return 0;
    }
}
