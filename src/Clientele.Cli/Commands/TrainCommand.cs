using System.ComponentModel;
using Clientele.Cli.Infrastructure;
using Clientele.Core.Bundles;
using Clientele.Core.Evaluation;
using Clientele.Core.Features;
using Clientele.Core.Training;
using Clientele.Storage.Files;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="TrainCommand"/>.</summary>
public sealed class TrainSettings : TrainingSettings, IStoreSettings
{
    [CommandOption("--db <CONNECTION>")]
    [Description(StoreOption.Description)]
    public string? Db { get; init; }

    [CommandOption("--no-store")]
    [Description("Do not record this run in the store.")]
    public bool NoStore { get; init; }

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
        var (profiles, lexicon, _) = Pipeline.Profiles(settings, progress, seconds);
        var trained = Pipeline.Train(settings, settings.ParsedTier, profiles, lexicon, progress, seconds);
        var json = ReportJson.Build(trained.Report);
        var bundle = ModelBundle.FromTraining(trained, settings.Seed, Inputs.Fingerprint(settings.Notes, settings.Labels), json, DateTimeOffset.UtcNow);
        progress.Report("save bundle");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        DirectoryBundleStore.Save(bundle, settings.Out!);
        StoreRecorder.RecordTraining(settings, settings.Out!, bundle, started, profiles.Count, activate: false);
        json["seconds"]!["save"] = Math.Round(clock.Elapsed.TotalSeconds, 4);
        json["out"] = settings.Out;
        if (settings.Json)
        {
            CliIO.Out.WriteLine(json.ToJsonString());
        }
        else
        {
            ReportTable.Write(trained.Report);
            CliIO.Out.WriteLine($"bundle → {settings.Out}");
        }

        return 0;
    }
}
