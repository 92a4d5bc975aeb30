using System.ComponentModel;
using Clientele.Cli.Infrastructure;
using Clientele.Core.Features;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="TrainCommand"/>.</summary>
public sealed class TrainSettings : TrainingSettings
{
    [CommandOption("--tier <TIER>")]
    [Description("fast (one random forest per target) or elite (forest + boosting + linear, soft voting).")]
    [DefaultValue("fast")]
    public string Tier { get; init; } = "fast";

    [CommandOption("--out <DIR>")]
    [Description("Directory of the model bundle (replaced atomically, only when training succeeds).")]
    public string? Out { get; init; }

    public Tier ParsedTier => Tier.Equals("elite", StringComparison.OrdinalIgnoreCase) ? Core.Features.Tier.Elite : Core.Features.Tier.Fast;

    public override Spectre.Console.ValidationResult Validate()
    {
        if (!Tier.Equals("fast", StringComparison.OrdinalIgnoreCase) && !Tier.Equals("elite", StringComparison.OrdinalIgnoreCase))
        {
            return Spectre.Console.ValidationResult.Error($"--tier '{Tier}' is not fast or elite");
        }

        return string.IsNullOrWhiteSpace(Out) ? Spectre.Console.ValidationResult.Error("--out <DIR> is required") : base.Validate();
    }
}

/// <summary><c>clientele train</c>: features, labels, models, evaluation, bundle.</summary>
public sealed class TrainCommand : Command<TrainSettings>
{
    public override int Execute(CommandContext context, TrainSettings settings, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var progress = new StageProgress(settings.Quiet || settings.Json);
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        var trained = Pipeline.TrainVersion(settings, settings.ParsedTier, settings.Out!, started, progress, seconds);
        var json = trained.Report;
        json["seconds"]!["save"] = Math.Round(seconds["save"], 4);
        json["out"] = settings.Out;
        if (settings.Json)
        {
            CliIO.Out.WriteLine(json.ToJsonString());
        }
        else
        {
            ReportTable.Write(trained.Model.Report);
            CliIO.Out.WriteLine($"bundle → {settings.Out}");
        }

        return 0;
    }
}
