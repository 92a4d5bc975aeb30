using System.ComponentModel;
using Clientele.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="PredictCommand"/>.</summary>
public sealed class PredictSettings : PurchaseNotesSettings
{
    [CommandOption("--transactions <FILE>")]
    [Description("The clients' purchase history, for a model trained with --transactions (then --notes is optional; --as-of defaults to today).")]
    public override string? Transactions { get; init; }

    [CommandOption("--model <DIR>")]
    [Description("Model bundle directory written by 'clientele train'.")]
    public string? Model { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Scores CSV to write (client_id,purchase_prob,...,reasons).")]
    public string? Out { get; init; }

    [CommandOption("--no-reasons")]
    [Description("Skip per-client explanations (faster batch scoring).")]
    public bool NoReasons { get; init; }

    [CommandOption("--reason-method <METHOD>")]
    [Description("How reasons' contributions are computed: saabas (path credits, default) or treeshap (exact tree SHAP; models saved before forest format 2 fall back to saabas).")]
    public Core.Scoring.ReasonMethod ReasonMethod { get; init; } = Core.Defaults.ReasonMethod;

    [CommandOption("--shard <K/N>")]
    [Description("Score only shard K of N (0-based: 0/4 … 3/4; clients split by a stable hash of their id), for N parallel workers. Each shard's rows are published when it completes; rerunning a shard replaces its rows.")]
    public string? Shard { get; init; }

    [CommandOption("--store-concepts")]
    [Description("Also record each client's concept counts in the store (for the dashboard's concept panels). Default: clients, notes and predictions with reasons only.")]
    public bool StoreConcepts { get; init; }

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
        Core.Bundles.ModelBundle bundle;
        Core.Scoring.ScoresTally scores;
        DateOnly? asOf = null;
        int suppressed;
        if (settings.Transactions is null)
        {
            (bundle, scores, suppressed) = Pipeline.Score(settings, settings.Model!, settings.Out!, !settings.NoReasons, settings.Shard, progress, seconds, settings.StoreConcepts, settings.ReasonMethod);
        }
        else
        {
            DateOnly used;
            (bundle, scores, used, suppressed) = PurchasePipeline.Score(settings, progress, seconds);
            asOf = used;
        }

        var summary = ScoresSummary.Build(scores, bundle.Tier.ToString().ToLowerInvariant(), seconds);
        if (asOf is { } d)
        {
            summary["as_of"] = PurchasePipeline.Date(d);
        }

        summary["out"] = settings.Out;

        // Never silent: clients left out for their objection are counted in the JSON as on stderr.
        summary["suppressed"] = suppressed;
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
