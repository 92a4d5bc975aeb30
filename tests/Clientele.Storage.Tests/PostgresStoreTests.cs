using Clientele.Storage.Store;
using Clientele.Storage.Tests.Infrastructure;
using Npgsql;

namespace Clientele.Storage.Tests;

/// <summary>
/// The store contract on PostgreSQL (server named by CLIENTELE_TEST_PG): a fresh schema per test,
/// dropped afterwards, so runs leave the database as they found it.
/// </summary>
[NeedsPostgres]
public sealed class PostgresStoreTests : StoreContract
{
    private readonly PostgresSchema schema = new();

    protected override IClienteleStore CreateStore() => new PostgresStore(schema.ConnectionString);

    protected override void DropDatabase() => schema.Dispose();

    [PostgresFact]
    public void Columns_use_native_types()
    {
        _ = Store;
        using var connection = new NpgsqlConnection(schema.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            """
            SELECT table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns
            WHERE table_schema = @schema AND column_name IN ('note_date', 'scored_at', 'will_purchase', 'predicted_clv')
            ORDER BY 1
            """,
            connection);
        command.Parameters.AddWithValue("schema", schema.Name);
        var columns = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }

        Assert.Equal(
            [
                "notes.note_date date",
                "predictions.predicted_clv double precision",
                "predictions.scored_at timestamp with time zone",
                "predictions.will_purchase boolean",
            ],
            columns);
    }
}
