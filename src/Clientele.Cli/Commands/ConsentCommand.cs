using System.ComponentModel;
using Clientele.Cli.Infrastructure;
using Clientele.Storage.Store;
using Clientele.Workflows.Privacy;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="ConsentCommand"/>.</summary>
public sealed class ConsentSettings : SubjectSettings
{
    [CommandOption("--object")]
    [Description("The client objects to profiling (GDPR art. 21): not scored, not listed, not exported to campaigns.")]
    public bool Objects { get; init; }

    [CommandOption("--withdraw")]
    [Description("The client withdraws consent: suppressed like an objection.")]
    public bool Withdraw { get; init; }

    [CommandOption("--grant")]
    [Description("The client consents (again): scored as usual.")]
    public bool Grant { get; init; }

    /// <summary>The state the options ask for.</summary>
    public string State => Objects ? ConsentStates.Objected : Withdraw ? ConsentStates.Withdrawn : ConsentStates.Granted;

    public override Spectre.Console.ValidationResult Validate() =>
        new[] { Objects, Withdraw, Grant }.Count(x => x) != 1 ? Spectre.Console.ValidationResult.Error(CliMessages.OneConsentState) : base.Validate();
}

/// <summary>
/// <c>clientele consent --client ID --object|--withdraw|--grant</c>: records the client's consent state, which
/// every scoring path reads first (predict, the server's predict and nightly scoring). Audited.
/// </summary>
public sealed class ConsentCommand : Command<ConsentSettings>
{
    public override int Execute(CommandContext context, ConsentSettings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenExistingStore();
        var now = DateTimeOffset.UtcNow;
        SubjectRights.SetConsent(store, settings.Client!, settings.State, now);
        store.AppendAudit(new AuditRecord(now, KeysCommand.CliActor, "consent", settings.Client, "local", settings.State));
        CliIO.Out.WriteLine($"client {settings.Client}: consent {settings.State}" + (ConsentStates.Suppresses(settings.State) ? "; it will not be scored" : string.Empty));
        return ClienteleApp.Ok;
    }
}
