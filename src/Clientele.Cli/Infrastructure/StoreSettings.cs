using System.ComponentModel;
using Spectre.Console.Cli;

namespace Clientele.Cli.Infrastructure;

/// <summary>Where results are recorded: SQLite file by default, PostgreSQL with a connection string.</summary>
public interface IStoreSettings
{
    string? Db { get; }

    bool NoStore { get; }
}

/// <summary>Store options shared by train and predict.</summary>
public static class StoreOption
{
    public const string Description = "Store connection: SQLite 'Data Source=FILE' or PostgreSQL 'Host=…'. Default: $CLIENTELE_DB, else clientele.db here.";

    public static string? Resolve(IStoreSettings s) => s.Db ?? Environment.GetEnvironmentVariable("CLIENTELE_DB");
}
