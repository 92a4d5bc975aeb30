using System.Data.Common;
using Dapper;

namespace Clientele.Storage.Store;

/// <summary>
/// The store's SQL, shared by SQLite and PostgreSQL. Both accept the same statements (ON CONFLICT upserts,
/// @name parameters, LIMIT/OFFSET, NULLS LAST, partial indexes), so a dialect only supplies its connections,
/// column types, a write lock and how dates and times travel (ISO text in SQLite, native types in PostgreSQL).
/// Every operation opens its own pooled connection, so one instance serves concurrent requests.
/// </summary>
public abstract partial class SqlStore : IClienteleStore
{
    private protected SqlStore()
    {
    }

    private protected abstract ColumnTypes Types { get; }

    /// <summary>SQL counting the schema_version tables visible to this store (0 or 1).</summary>
    private protected abstract string VersionTableExistsSql { get; }

    /// <summary>Rows per statement in batch writes (see <see cref="MultiRow"/>).</summary>
    private protected abstract int RowsPerStatement { get; }

    private protected abstract DbConnection OpenConnection();

    /// <summary>
    /// Serialises transactions that read then write (migration, activation) until the transaction ends.
    /// Without it, two PostgreSQL transactions could both see "version 0" and both apply step 1.
    /// </summary>
    private protected abstract void LockForUpdate(DbConnection connection, DbTransaction transaction);

    private protected abstract object? DateValue(DateOnly? date);

    private protected abstract object TimestampValue(DateTimeOffset at);

    private protected abstract DateOnly ReadDate(DbDataReader reader, int ordinal);

    private protected abstract DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal);

    public void Migrate()
    {
        InTransaction((c, tx) =>
        {
            LockForUpdate(c, tx);
            c.Execute(SchemaMigrations.VersionTable(Types), transaction: tx);
            var current = CurrentVersion(c, tx);
            var steps = SchemaMigrations.Steps(Types);
            var latest = steps[^1].Version;
            if (current > latest)
            {
                throw new InvalidOperationException(
                    $"The database is at schema version {current}, newer than this Clientele knows ({latest}): upgrade Clientele.");
            }

            foreach (var step in steps.Where(s => s.Version > current))
            {
                foreach (var statement in step.Statements)
                {
                    c.Execute(statement, transaction: tx);
                }

                c.Execute(
                    "INSERT INTO schema_version (version, description, applied_at) VALUES (@Version, @Description, @AppliedAt)",
                    new { step.Version, step.Description, AppliedAt = TimestampValue(DateTimeOffset.UtcNow) },
                    tx);
            }
        });
    }

    public int SchemaVersion() =>
        WithConnection(c => c.ExecuteScalar<int>(VersionTableExistsSql) == 0 ? 0 : CurrentVersion(c, null));

    public void Dispose()
    {
        DisposeCore();
        GC.SuppressFinalize(this);
    }

    private protected virtual void DisposeCore()
    {
    }

    private static int CurrentVersion(DbConnection c, DbTransaction? tx) =>
        c.ExecuteScalar<int>("SELECT COALESCE(MAX(version), 0) FROM schema_version", transaction: tx);

    private T WithConnection<T>(Func<DbConnection, T> work)
    {
        using var connection = OpenConnection();
        return work(connection);
    }

    /// <summary>Runs <paramref name="work"/> in one transaction, committed only if it returns normally.</summary>
    private T InTransaction<T>(Func<DbConnection, DbTransaction, T> work)
    {
        using var connection = OpenConnection();
        using var transaction = connection.BeginTransaction();
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    }

    private void InTransaction(Action<DbConnection, DbTransaction> work) =>
        InTransaction((c, tx) =>
        {
            work(c, tx);
            return true;
        });

    private static List<T> Query<T>(DbConnection c, string sql, object? parameters, Func<DbDataReader, T> map, DbTransaction? tx = null)
    {
        // Rows are mapped by hand because dates and times come back as text from SQLite and typed from PostgreSQL.
        using var reader = (DbDataReader)c.ExecuteReader(sql, parameters, tx);
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private DateOnly? ReadNullableDate(DbDataReader r, int i) => r.IsDBNull(i) ? null : ReadDate(r, i);

    private DateTimeOffset? ReadNullableTimestamp(DbDataReader r, int i) => r.IsDBNull(i) ? null : ReadTimestamp(r, i);

    private static string? ReadNullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
