using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Clientele.Storage.Store;

/// <summary>
/// Picks the store from a connection string: none → the SQLite file at the default path, "Data Source=..." →
/// SQLite, anything with "Host=" → PostgreSQL. The string itself never appears in a message or a log line,
/// since a PostgreSQL one may carry a password; <see cref="Describe"/> gives a safe summary instead.
/// </summary>
public static class StoreFactory
{
    private static readonly Regex HostKey = new(@"(?:^|;)\s*Host\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Opens the store and brings its schema to the latest version; note text is encrypted under <paramref name="dataKeys"/> when given.</summary>
    public static IClienteleStore Open(string? connectionString, string defaultSqlitePath = "clientele.db", Privacy.DataKeyRing? dataKeys = null)
    {
        SqlStore store = KindOf(connectionString) switch
        {
            Kind.Postgres => new PostgresStore(connectionString!),
            _ => new SqliteStore(SqliteConnectionString(connectionString, defaultSqlitePath)),
        };
        store.DataKeys = dataKeys;
        try
        {
            store.Migrate();
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>"SQLite file …" or "PostgreSQL host:port/database": what a log line may say about the store.</summary>
    public static string Describe(string? connectionString, string defaultSqlitePath = "clientele.db")
    {
        if (KindOf(connectionString) == Kind.Postgres)
        {
            var pg = new NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL {pg.Host}:{pg.Port}/{pg.Database}";
        }

        var sqlite = new SqliteConnectionStringBuilder(SqliteConnectionString(connectionString, defaultSqlitePath));
        return $"SQLite file {Path.GetFullPath(sqlite.DataSource)}";
    }

    private static Kind KindOf(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString)
            || connectionString.TrimStart().StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase))
        {
            return Kind.Sqlite;
        }

        if (HostKey.IsMatch(connectionString))
        {
            return Kind.Postgres;
        }

        throw new ArgumentException(
            "Unrecognised store connection string: give \"Data Source=<file>\" for SQLite or an Npgsql string with "
            + "\"Host=...\" for PostgreSQL, or nothing for the default SQLite file. (The value is not shown: it may hold a password.)",
            nameof(connectionString));
    }

    private static string SqliteConnectionString(string? connectionString, string defaultSqlitePath) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? new SqliteConnectionStringBuilder { DataSource = defaultSqlitePath }.ToString()
            : connectionString;

    private enum Kind
    {
        Sqlite,
        Postgres,
    }
}
