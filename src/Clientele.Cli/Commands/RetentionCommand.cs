using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clientele.Cli.Infrastructure;
using Clientele.Storage.Store;
using Clientele.Workflows.Retention;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="RetentionCommand"/>.</summary>
public sealed class RetentionSettings : StoreSettings
{
    [CommandOption("--notes-days <N>")]
    [Description("Delete notes dated more than N days ago (undated notes are kept).")]
    public int? NotesDays { get; init; }

    [CommandOption("--predictions-days <N>")]
    [Description("Delete predictions scored more than N days ago; each client's latest prediction is kept.")]
    public int? PredictionsDays { get; init; }

    [CommandOption("--versions-keep <N>")]
    [Description("Keep only the newest N model versions (the active one always).")]
    public int? VersionsKeep { get; init; }

    [CommandOption("--versions-days <N>")]
    [Description("Delete model versions created more than N days ago (never the active one).")]
    public int? VersionsDays { get; init; }

    [CommandOption("--models-dir <DIR>")]
    [Description("The server's models directory: bundle folders of deleted versions and orphan folders no version references (unchanged for an hour) are removed. Without it no folder is touched.")]
    public string? ModelsDir { get; init; }

    [CommandOption("--dry-run")]
    [Description("Count what would be deleted; change nothing.")]
    public bool DryRun { get; init; }

    [CommandOption("--json")]
    [Description("Print the outcome as JSON.")]
    public bool Json { get; init; }

    /// <summary>The policy the options give.</summary>
    public RetentionPolicy Policy => new() { NotesDays = NotesDays, PredictionsDays = PredictionsDays, VersionsKeep = VersionsKeep, VersionsDays = VersionsDays };

    public override Spectre.Console.ValidationResult Validate()
    {
        if (Policy.Problem() is { } problem)
        {
            return Spectre.Console.ValidationResult.Error(problem);
        }

        return Policy.IsEmpty && ModelsDir is null ? Spectre.Console.ValidationResult.Error(CliMessages.RetentionNothingToDo) : base.Validate();
    }
}

/// <summary>
/// <c>clientele retention --db … [--notes-days N] [--predictions-days N] [--versions-keep N | --versions-days N]
/// [--models-dir D] [--dry-run]</c>: the retention pass the server's schedule runs, once, now. Audited.
/// </summary>
public sealed class RetentionCommand : Command<RetentionSettings>
{
    /// <summary>The default SQLite file, as <c>serve</c> uses it.</summary>
    private const string DefaultFile = "clientele.db";

    public override int Execute(CommandContext context, RetentionSettings settings, CancellationToken cancellationToken)
    {
        if (settings.ConnectionString is null && !File.Exists(DefaultFile))
        {
            // Nothing to expire in a store that does not exist; never create one here.
            throw new Core.Errors.ClienteleInputException("--db", null, null, CliMessages.NoStoreHere);
        }

        if (settings.ModelsDir is { } dir && !Directory.Exists(dir))
        {
            throw new Core.Errors.ClienteleInputException(dir, null, null, CliMessages.NoModelsDir);
        }

        using var store = settings.OpenStore();
        store.Migrate();
        var now = DateTimeOffset.UtcNow;
        var outcome = ApplyRetention.Run(store, settings.Policy, settings.ModelsDir, now, settings.DryRun);
        if (!settings.DryRun)
        {
            store.AppendAudit(new AuditRecord(now, KeysCommand.CliActor, "retention", null, "local", "ok"));
        }

        if (settings.Json)
        {
            var json = new JsonObject
            {
                ["dry_run"] = outcome.DryRun,
                ["notes"] = outcome.Notes,
                ["predictions"] = outcome.Predictions,
                ["versions"] = new JsonArray([.. outcome.Versions.Select(v => (JsonNode)v)]),
                ["bundle_folders"] = new JsonArray([.. outcome.BundleFolders.Select(v => (JsonNode)v)]),
            };
            CliIO.Out.WriteLine(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            CliIO.Out.WriteLine(outcome.Summary());
        }

        return ClienteleApp.Ok;
    }
}
