using System.ComponentModel;
using System.Text.Json;
using Clientele.Cli.Infrastructure;
using Clientele.Storage.Store;
using Clientele.Workflows.Privacy;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="ExportCommand"/>.</summary>
public sealed class ExportSettings : SubjectSettings
{
    [CommandOption("--out <FILE>")]
    [Description("The JSON file to write (owner-only), or - for standard output.")]
    public string? Out { get; init; }

    public override Spectre.Console.ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Out) ? Spectre.Console.ValidationResult.Error("--out <FILE> is required (- for standard output)") : base.Validate();
}

/// <summary>
/// <c>clientele export --client ID --out F</c>: everything the store holds about one client as one JSON document
/// (subject access), the same document as <c>GET /api/clients/{id}/export</c>. Audited.
/// </summary>
public sealed class ExportCommand : Command<ExportSettings>
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    public override int Execute(CommandContext context, ExportSettings settings, CancellationToken cancellationToken)
    {
        OutputFile.RequireWritable(settings.Out!);
        using var store = settings.OpenExistingStore();
        var now = DateTimeOffset.UtcNow;
        ClientExport? export;
        try
        {
            export = SubjectRights.Export(store, settings.Client!, now);
        }
        catch (InvalidOperationException e)
        {
            // A note under a data key that is not configured: the user's to fix, named by its key id.
            CliIO.Err.WriteLine("error: " + e.Message);
            return ClienteleApp.BadInput;
        }

        // An id the store does not hold (perhaps erased) is audited by its hash: the audit must not bring it back.
        store.AppendAudit(new AuditRecord(now, KeysCommand.CliActor, "export", export is null ? store.ClientHash(settings.Client!) : settings.Client, "local",
            export is null ? "unknown" : "ok"));
        if (export is null)
        {
            CliIO.Err.WriteLine("error: " + CliMessages.UnknownClient(settings.Client!));
            return ClienteleApp.BadInput;
        }

        OutputFile.WriteText(settings.Out!, w => w.WriteLine(JsonSerializer.Serialize(export, Json)));
        if (!OutputFile.IsStdout(settings.Out) && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(settings.Out!, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        if (!OutputFile.IsStdout(settings.Out))
        {
            CliIO.Err.WriteLine($"exported {export.Notes.Count:N0} notes, {export.Transactions.Count:N0} transactions, {export.Predictions.Count:N0} predictions and {export.Audit.Count:N0} audit entries → {settings.Out}");
        }

        return ClienteleApp.Ok;
    }
}
