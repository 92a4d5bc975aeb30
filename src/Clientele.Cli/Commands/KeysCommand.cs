using System.ComponentModel;
using System.Globalization;
using Clientele.Cli.Infrastructure;
using Clientele.Storage.Keys;
using Clientele.Storage.Store;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="KeysCommand"/>.</summary>
public sealed class KeysSettings : StoreSettings
{
    [CommandArgument(0, "<ACTION>")]
    [Description("create, revoke, list, or rotate-data (re-encrypt every note under the newest data key).")]
    public string Action { get; init; } = string.Empty;

    [CommandArgument(1, "[ID]")]
    [Description("The key id to revoke (as 'keys list' shows it).")]
    public string? Id { get; init; }

    [CommandOption("--role <ROLE>")]
    [Description("Role of the new key: viewer (every read), advisor (own clients), admin (train, activate, keys, audit…).")]
    public string? Role { get; init; }

    [CommandOption("--advisor <NAME>")]
    [Description("The advisor an advisor key speaks for (its reads are limited to that advisor's clients).")]
    public string? Advisor { get; init; }

    public override Spectre.Console.ValidationResult Validate()
    {
        switch (Action)
        {
            case "create":
                if (!Roles.IsKnown(Role))
                {
                    return Spectre.Console.ValidationResult.Error(KeyMessages.UnknownRole(Role ?? string.Empty));
                }

                if (Role == Roles.Advisor && string.IsNullOrWhiteSpace(Advisor))
                {
                    return Spectre.Console.ValidationResult.Error(KeyMessages.AdvisorNeedsName);
                }

                return Role != Roles.Advisor && Advisor is not null ? Spectre.Console.ValidationResult.Error(KeyMessages.AdvisorOnlyForAdvisors) : Extra();
            case "revoke":
                return string.IsNullOrWhiteSpace(Id) ? Spectre.Console.ValidationResult.Error("keys revoke needs the key ID ('clientele keys list' shows them)") : NoCreateOptions();
            case "list":
                return Id is null ? NoCreateOptions() : Spectre.Console.ValidationResult.Error("keys list takes no ID");
            case "rotate-data":
                return Id is null ? NoCreateOptions() : Spectre.Console.ValidationResult.Error("keys rotate-data takes no ID");
            default:
                return Spectre.Console.ValidationResult.Error($"unknown action '{Action}'; expected create, revoke, list or rotate-data");
        }
    }

    private Spectre.Console.ValidationResult Extra() =>
        Id is null ? Spectre.Console.ValidationResult.Success() : Spectre.Console.ValidationResult.Error("keys create takes no ID");

    private Spectre.Console.ValidationResult NoCreateOptions() =>
        Role is null && Advisor is null ? Spectre.Console.ValidationResult.Success() : Spectre.Console.ValidationResult.Error("--role and --advisor apply to 'keys create' only");
}

/// <summary>
/// <c>clientele keys create|revoke|list</c>: API keys of the server's store. A created key is printed once (only its
/// keyed hash is stored); every change is audited as done by <c>cli</c>.
/// </summary>
public sealed class KeysCommand : Command<KeysSettings>
{
    /// <summary>Key id recorded in the audit for changes made from the command line.</summary>
    public const string CliActor = "cli";

    public override int Execute(CommandContext context, KeysSettings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenStore();
        store.Migrate();
        var keys = new KeyBook(store);
        var now = DateTimeOffset.UtcNow;
        switch (settings.Action)
        {
            case "create":
                var (record, key) = keys.Create(settings.Role!, settings.Advisor, now);
                store.AppendAudit(new AuditRecord(now, CliActor, "key-create", record.KeyId, "local", "ok"));
                CliIO.Out.WriteLine($"key {record.KeyId} ({record.Role}{(record.Advisor is null ? string.Empty : ", advisor " + record.Advisor)}) created; it is shown once, store it now:");
                CliIO.Out.WriteLine(key);
                return ClienteleApp.Ok;
            case "revoke":
                if (!keys.Revoke(settings.Id!, now))
                {
                    CliIO.Err.WriteLine("error: " + KeyMessages.UnknownKey(settings.Id!));
                    return ClienteleApp.BadInput;
                }

                store.AppendAudit(new AuditRecord(now, CliActor, "key-revoke", settings.Id, "local", "ok"));
                CliIO.Out.WriteLine($"key {settings.Id} revoked");
                return ClienteleApp.Ok;
            case "rotate-data":
                int rewritten;
                try
                {
                    rewritten = store.RotateDataKey();
                }
                catch (InvalidOperationException e)
                {
                    CliIO.Err.WriteLine("error: " + e.Message);
                    return ClienteleApp.BadInput;
                }

                store.AppendAudit(new AuditRecord(now, CliActor, "data-key-rotate", null, "local", "ok"));
                CliIO.Out.WriteLine($"{rewritten:N0} notes and transaction amounts re-encrypted under the newest data key; older keys may now be removed");
                return ClienteleApp.Ok;
            default:
                CliIO.Out.WriteLine("key_id,role,advisor,created_at,revoked_at");
                foreach (var k in keys.List())
                {
                    CliIO.Out.WriteLine(string.Join(',', k.KeyId, k.Role, Core.Text.CsvCell.Text(k.Advisor ?? string.Empty), Iso(k.CreatedAt), k.RevokedAt is { } r ? Iso(r) : string.Empty));
                }

                return ClienteleApp.Ok;
        }
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);
}
