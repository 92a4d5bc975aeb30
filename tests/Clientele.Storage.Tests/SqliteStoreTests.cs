using Clientele.Storage.Store;
using Clientele.Storage.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Clientele.Storage.Tests;

/// <summary>The store contract on SQLite: one database file per test, in a folder deleted with the class.</summary>
public sealed class SqliteStoreTests(TempDirectory folder) : StoreContract, IClassFixture<TempDirectory>
{
    private readonly string path = folder.NewFile();

    protected override IClienteleStore CreateStore() => new SqliteStore($"Data Source={path}");

    protected override void DropDatabase()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }

    [Fact]
    public void The_file_is_in_WAL_mode_with_foreign_keys_and_ISO_text_dates()
    {
        Store.SaveClients([Sample.Client("A")], [Sample.Note("A", "x", Sample.Day)], []);
        Store.SavePredictions([Sample.Prediction("A", new DateTimeOffset(2026, 1, 8, 10, 30, 0, TimeSpan.FromHours(2)), 1)]);

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal("2026-01-08", Scalar(connection, "SELECT note_date FROM notes"));
        Assert.Equal("2026-01-08T08:30:00.0000000Z", Scalar(connection, "SELECT scored_at FROM predictions"));
        Assert.Null(Scalar(connection, "SELECT predicted_clv FROM predictions WHERE purchase_prob IS NULL"));
    }

    [Fact]
    public void An_in_memory_database_is_refused_with_a_clear_message()
    {
        var error = Assert.Throws<ArgumentException>(() => new SqliteStore("Data Source=:memory:"));
        Assert.Contains("in-memory", error.Message);
    }

    [Fact]
    public void The_file_and_its_folder_are_created_on_first_use()
    {
        var nested = Path.Combine(folder.Path, Guid.NewGuid().ToString("N"), "sub", "store.db");
        using (var s = new SqliteStore($"Data Source={nested}"))
        {
            s.Migrate();
        }

        Assert.True(File.Exists(nested));
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
