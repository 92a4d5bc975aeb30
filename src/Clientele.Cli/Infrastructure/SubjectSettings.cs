using System.ComponentModel;
using Clientele.Storage.Store;
using Spectre.Console.Cli;

namespace Clientele.Cli.Infrastructure;

/// <summary>
/// <c>--client ID</c> and the store it is looked up in, for the data subject's verbs (<c>forget</c>, <c>export</c>,
/// <c>consent</c>). The store is <c>--db</c>, else $CLIENTELE_DB, else the default file when it exists: these verbs
/// never create a store, since there is nothing to erase, export or object to in an empty one.
/// </summary>
public class SubjectSettings : StoreSettings
{
    [CommandOption("--client <ID>")]
    [Description("The client's id, exactly as stored.")]
    public string? Client { get; init; }

    /// <summary>The default SQLite file, as <c>serve</c> and <c>keys</c> use it.</summary>
    private const string DefaultFile = "clientele.db";

    public override Spectre.Console.ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Client) ? Spectre.Console.ValidationResult.Error(CliMessages.ClientRequired) : base.Validate();

    /// <summary>The migrated store holding the client; bad input (exit 2) when no store is given and none is here.</summary>
    public IClienteleStore OpenExistingStore()
    {
        if (ConnectionString is null && !File.Exists(DefaultFile))
        {
            throw new Core.Errors.ClienteleInputException("--db", null, null, CliMessages.NoStoreHere);
        }

        var store = OpenStore();
        store.Migrate();
        return store;
    }
}
