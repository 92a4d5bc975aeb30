using System.Data.Common;
using Clientele.Storage.Replicas;
using Dapper;
using Npgsql;

namespace Clientele.Storage.Store;

/// <summary>
/// The shared store for several API replicas or workers: the same schema as SQLite with native types (date,
/// timestamptz, boolean, double precision). Connections come from one pooled data source per store.
/// </summary>
public sealed class PostgresStore : SqlStore
{
    /// <summary>First half of the advisory lock key ("Clie"); the second is the schema, so schemas do not contend.</summary>
    private const int LockNamespace = 0x436C6965;

    private static readonly ColumnTypes PostgresTypes = new(
        Key: "text COLLATE \"C\"",
        Text: "text",
        Integer: "integer",
        Real: "double precision",
        Boolean: "boolean",
        Date: "date",
        Timestamp: "timestamptz",
        Identity: "bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY");

    private readonly NpgsqlDataSource dataSource;

    /// <summary>Uses an Npgsql connection string ("Host=...;Database=...;Username=..."); connects on first use.</summary>
    public PostgresStore(string connectionString)
    {
        dataSource = NpgsqlDataSource.Create(connectionString);
        Replicas = new PostgresReplicas(dataSource, connectionString, () => DataKeys);
    }

    /// <summary>Notifications, locks and the shared job queue of the server processes on this database.</summary>
    public IReplicaCoordinator Replicas { get; }

    private protected override ColumnTypes Types => PostgresTypes;

    private protected override string VersionTableExistsSql =>
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_version'";

    // Each statement is a round trip; 500 rows of the widest table (11 columns) stay far below the 65,535 parameters allowed.
    private protected override int RowsPerStatement => 500;

    private protected override DbConnection OpenConnection() => dataSource.OpenConnection();

    private protected override void LockForUpdate(DbConnection connection, DbTransaction transaction) =>
        connection.Execute(
            "SELECT pg_advisory_xact_lock(@LockNamespace, hashtext(current_schema()))",
            new { LockNamespace },
            transaction);

    private protected override object? DateValue(DateOnly? date) => date;

    // Npgsql writes only UTC offsets to timestamptz.
    private protected override object TimestampValue(DateTimeOffset at) => at.ToUniversalTime();

    private protected override DateOnly ReadDate(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateOnly>(ordinal);

    private protected override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        reader.GetFieldValue<DateTimeOffset>(ordinal);

    // Binary COPY into session staging tables, published in one transaction: see PostgresStagedScoring.
    private protected override IScoringWriter CreateScoringWriter(DateOnly asOf) => new PostgresStagedScoring(this, dataSource.OpenConnection(), asOf);

    private protected override void DisposeCore() => dataSource.Dispose();
}
