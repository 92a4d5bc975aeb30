using System.ComponentModel;
using Clientele.Storage.Store;
using Clientele.Workflows;
using Spectre.Console.Cli;

namespace Clientele.Cli.Infrastructure;

/// <summary>
/// <c>--db</c>, declared once: where results are recorded, a SQLite file by default or PostgreSQL with a
/// connection string. The root of every settings type that reads notes, and of <c>serve</c>.
/// </summary>
public class StoreSettings : CommandSettings
{
    /// <summary>Help text of <c>--db</c>.</summary>
    public const string DbDescription = "Store connection: SQLite 'Data Source=FILE' or PostgreSQL 'Host=…'. Default: $CLIENTELE_DB, else clientele.db here (train and predict record nothing without one of them).";

    [CommandOption("--db <CONNECTION>")]
    [Description(DbDescription)]
    public string? Db { get; init; }

    [CommandOption("--data-key-file <FILE>")]
    [Description("Data keys note text is encrypted under in the store (AES-GCM; base64 of 32 bytes a line, newest last). Default: $CLIENTELE_DATA_KEY; none: plain text.")]
    public string? DataKeyFile { get; init; }

    /// <summary>The connection to open: <c>--db</c>, else $CLIENTELE_DB, else null (the store's default file).</summary>
    public string? ConnectionString => Db ?? Environment.GetEnvironmentVariable("CLIENTELE_DB");

    /// <summary>A <c>--db</c> that is no connection string is a usage error before any work starts, not an exception after it.</summary>
    public override Spectre.Console.ValidationResult Validate()
    {
        if (ConnectionString is { } connection)
        {
            try
            {
                _ = StoreFactory.Describe(connection);
            }
            catch (ArgumentException)
            {
                return Spectre.Console.ValidationResult.Error(CliMessages.BadConnection);
            }
        }

        return base.Validate();
    }

    /// <summary>Opens the store; a connection string the driver refuses is bad input (exit 2), named without its content.</summary>
    public IClienteleStore OpenStore()
    {
        Storage.Privacy.DataKeyRing? keys;
        try
        {
            keys = Storage.Privacy.DataKeyRing.Configured(DataKeyFile);
        }
        catch (ArgumentException e)
        {
            // The message names the file or variable and the entry, never the key.
            throw new Core.Errors.ClienteleInputException(DataKeyFile ?? Storage.Privacy.DataKeyRing.EnvironmentVariable, null, null, e.Message);
        }

        try
        {
            return StoreFactory.Open(ConnectionString, dataKeys: keys);
        }
        catch (ArgumentException)
        {
            throw new Core.Errors.ClienteleInputException("--db", null, null, CliMessages.BadConnection);
        }
    }
}

/// <summary><c>--no-store</c>, declared once, for the verbs that record their results.</summary>
public class RecordingSettings : StoreSettings
{
    [CommandOption("--no-store")]
    [Description("Do not record this run in the store (the default unless --db or $CLIENTELE_DB is given).")]
    public bool NoStore { get; init; }

    /// <summary>
    /// Where a workflow records: a store only when one is named (<c>--db</c> or $CLIENTELE_DB) and not <c>--no-store</c>.
    /// Notes are personal data: a verb never leaves a copy of them in a file nobody asked for.
    /// </summary>
    public StoreAccess Store => NoStore || ConnectionString is null ? StoreAccess.None : StoreAccess.Opening(OpenStore);

    /// <summary>Clients whose consent state suppresses scoring, read from the named store (none without one).</summary>
    public IReadOnlySet<string> SuppressedClients()
    {
        if (ConnectionString is null)
        {
            return new HashSet<string>();
        }

        using var store = OpenStore();
        return store.SuppressedClients();
    }
}
