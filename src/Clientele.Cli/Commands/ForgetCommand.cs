using Clientele.Cli.Infrastructure;
using Clientele.Storage.Store;
using Clientele.Workflows.Privacy;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="ForgetCommand"/>.</summary>
public sealed class ForgetSettings : SubjectSettings
{
}

/// <summary>
/// <c>clientele forget --client ID</c>: erases the client (notes, concepts, predictions and their history, consent,
/// display name) and lists the versions trained with erased clients, to retrain. Audited by its keyed hash only.
/// </summary>
public sealed class ForgetCommand : Command<ForgetSettings>
{
    public override int Execute(CommandContext context, ForgetSettings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenExistingStore();
        var now = DateTimeOffset.UtcNow;
        var erasure = SubjectRights.Forget(store, settings.Client!, now);
        var removed = erasure.Removed;
        store.AppendAudit(new AuditRecord(now, KeysCommand.CliActor, "erase", removed.ClientHash, "local", removed.Found ? "ok" : "unknown"));
        if (!removed.Found)
        {
            CliIO.Err.WriteLine("error: " + CliMessages.UnknownClient(settings.Client!));
            return ClienteleApp.BadInput;
        }

        CliIO.Out.WriteLine($"client erased ({removed.ClientHash} in the audit): {removed.Notes:N0} notes, {removed.Concepts:N0} concepts, {removed.Predictions:N0} predictions, {removed.Transactions:N0} transactions");
        foreach (var (version, count) in erasure.VersionsToRetrain.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            CliIO.Out.WriteLine($"version {version} was trained with {count:N0} erased client{(count == 1 ? string.Empty : "s")}: retrain it");
        }

        return ClienteleApp.Ok;
    }
}
