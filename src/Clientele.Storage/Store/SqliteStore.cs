using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Clientele.Storage.Store;

/// <summary>
/// The default store: one SQLite file, nothing to install. WAL lets readers (dashboard requests) run while a
/// batch writes; writers queue on the busy timeout instead of failing. Dates are ISO 8601 text, times UTC
/// with a fixed width, so text order is time order.
/// </summary>
public sealed partial class SqliteStore : SqlStore
{
    private const string DateFormat = "yyyy'-'MM'-'dd";

    private const string TimestampFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'";

    /// <summary>How long a writer waits for another writer's transaction before giving up.</summary>
    private const int BusyTimeoutMs = 30_000;

    /// <summary>Page cache of a scoring run's connection (KiB): 64 MB holds the index pages a million-client run revisits.</summary>
    private const int BulkCacheKiB = 65_536;

    private static readonly ColumnTypes SqliteTypes = new(
        Key: "TEXT",
        Text: "TEXT",
        Integer: "INTEGER",
        Real: "REAL",
        Boolean: "INTEGER",
        Date: "TEXT",
        Timestamp: "TEXT",
        Identity: "INTEGER PRIMARY KEY");

    private readonly string connectionString;

    /// <summary>Opens (creating it and its folder if needed) the database file named by a "Data Source=..." string.</summary>
    public SqliteStore(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, Pooling = true };
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            throw new ArgumentException(
                "An in-memory SQLite database is not supported: every operation opens its own connection. Give a file path.",
                nameof(connectionString));
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        CreatePrivateFile(Path.GetFullPath(builder.DataSource));

        this.connectionString = builder.ToString();
        using var connection = OpenConnection();

        // Persistent in the file, so once is enough; it cannot run inside a transaction, hence not a migration.
        connection.Execute("PRAGMA journal_mode = WAL");
    }

    /// <summary>The database file.</summary>
    public string FilePath => new SqliteConnectionStringBuilder(connectionString).DataSource;

    private protected override ColumnTypes Types => SqliteTypes;

    private protected override string VersionTableExistsSql =>
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";

    // In-process: no round trip to save, and wide statements bind parameters slowly.
    private protected override int RowsPerStatement => 1;

    private protected override DbConnection OpenConnection()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();

        // Per connection: SQLite forgets both on close, and a pooled connection may be new. secure_delete zeroes what
        // a delete frees (a replaced or erased note), so old text does not linger in free pages of the file.
        connection.Execute($"PRAGMA busy_timeout = {BusyTimeoutMs}; PRAGMA secure_delete = ON");
        return connection;
    }

    // A run touches every index page of the clients, notes and predictions it writes; SQLite's default 2 MB page cache
    // evicts them between rows. The pool may hand this connection out again with the larger cache: it costs only
    // the pages actually used.
    private static void TuneForBulk(DbConnection connection) =>
        connection.Execute($"PRAGMA cache_size = -{BulkCacheKiB}");

    // BeginTransaction is BEGIN IMMEDIATE in Microsoft.Data.Sqlite: the write lock is already taken.
    private protected override void LockForUpdate(DbConnection connection, DbTransaction transaction)
    {
    }

    private protected override object? DateValue(DateOnly? date) => DateText(date);

    private protected override object TimestampValue(DateTimeOffset at) => TimestampText(at);

    private static string? DateText(DateOnly? date) => date?.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static string TimestampText(DateTimeOffset at) => at.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    private protected override DateOnly ReadDate(DbDataReader reader, int ordinal) =>
        DateOnly.ParseExact(reader.GetString(ordinal), DateFormat, CultureInfo.InvariantCulture);

    private protected override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        DateTimeOffset.ParseExact(reader.GetString(ordinal), TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>
    /// Copies the WAL into the file and truncates it to zero bytes, so no frame of a deleted row survives in
    /// <c>-wal</c>; the pages themselves were zeroed by <c>secure_delete</c>.
    /// </summary>
    private protected override void ScrubAfterErasure()
    {
        using var connection = OpenConnection();
        connection.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }

    /// <summary>
    /// Creates the database file owner-only (0600) before SQLite first writes it; SQLite gives its -wal and -shm
    /// files the database file's mode, so they are owner-only too. An existing file keeps the mode it has.
    /// </summary>
    private static void CreatePrivateFile(string path)
    {
        if (OperatingSystem.IsWindows() || File.Exists(path))
        {
            return;
        }

        try
        {
            using var created = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: it made it the same way.
        }
    }

    // Pooled connections keep the file open; tests and tools that delete it afterwards need them closed.
    private protected override void DisposeCore()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
