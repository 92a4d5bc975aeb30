using System.ComponentModel;
using Clientele.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="PredictCommand"/>.</summary>
public sealed class PredictSettings : NotesSettings
{
    [CommandOption("--model <DIR>")]
    [Description("Model bundle directory written by 'clientele train'.")]
    public string? Model { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Scores CSV to write (client_id,purchase_prob,...,reasons).")]
    public string? Out { get; init; }

    [CommandOption("--no-reasons")]
    [Description("Skip per-client explanations (faster batch scoring).")]
    public bool NoReasons { get; init; }

    [CommandOption("--shard <K/N>")]
    [Description("Score only shard K of N (clients split by a stable hash of their id), for N parallel workers.")]
    public string? Shard { get; init; }

    public override Spectre.Console.ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Model) || string.IsNullOrWhiteSpace(Out))
        {
            return Spectre.Console.ValidationResult.Error("--model <DIR> and --out <FILE> are required");
        }

        if (Shard is not null && Sharding.Parse(Shard) is null)
        {
            return Spectre.Console.ValidationResult.Error($"--shard '{Shard}' is not K/N with 0 ≤ K < N");
        }

        return base.Validate();
    }
}

/// <summary><c>clientele predict</c>: scores every client of a notes file with a bundle.</summary>
public sealed class PredictCommand : Command<PredictSettings>
{
    public override int Execute(CommandContext context, PredictSettings settings, CancellationToken cancellationToken)
    {
        var progress = new StageProgress(settings.Quiet || settings.Json);
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        var (bundle, scores) = Pipeline.Score(settings, settings.Model!, settings.Out!, !settings.NoReasons, settings.Shard, progress, seconds);
        var summary = ScoresSummary.Build(scores, bundle.Tier.ToString().ToLowerInvariant(), seconds);
        summary["out"] = settings.Out;
        if (settings.Json)
        {
            CliIO.Out.WriteLine(summary.ToJsonString());
        }
        else
        {
            ScoresSummary.Write(summary, bundle, settings.Out!);
        }

        return 0;
    }
}
