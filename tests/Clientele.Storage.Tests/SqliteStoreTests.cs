using Clientele.Storage.Store;
using Clientele.Storage.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Clientele.Storage.Tests;

/// <summary>The store contract on SQLite: one database file per test, in a folder deleted with the class.</summary>
public sealed class SqliteStoreTests(TempDirectory folder) : StoreContract, IClassFixture<TempDirectory>
{
    private static readonly string[] DatabaseFileSuffixes = ["", "-wal"];

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
    public void Transaction_amounts_under_a_data_key_are_not_in_the_file_as_written()
    {
        var keyed = (SqlStore)NewStore();
        keyed.DataKeys = Privacy.DataKeyRing.Parse(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), "test");
        keyed.Migrate();
        keyed.AppendTransactions([new Core.History.Transaction("A", Sample.Day, 98765.4321, "O-9", "EUR")]);

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        var stored = (string?)Scalar(connection, "SELECT amount FROM transactions");
        Assert.NotNull(stored);
        Assert.DoesNotContain("98765", stored, StringComparison.Ordinal);
        Assert.Equal(98765.4321, keyed.GetTransactions("A").Single().Amount);
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

    [Fact]
    public void After_erasure_the_note_text_is_nowhere_in_the_database_or_wal_bytes()
    {
        const string Marker = "ZQX-UNIQUE-MARKER-4417";
        Store.SaveClients([Sample.Client("A", "Mme Marker"), Sample.Client("B")],
            [Sample.Note("A", "allergic to peanuts " + Marker, Sample.Day), Sample.Note("B", "likes gold", Sample.Day)], []);

        // Replaced once too: the first copy of the note lives in a page the replacement freed.
        Store.SaveClients([Sample.Client("A", "Mme Marker")], [Sample.Note("A", "allergic to peanuts " + Marker + " again", Sample.Day)], []);
        Assert.True(Contains(Marker), "the marker should be in the files before erasure, or the test proves nothing");

        Store.ForgetClient("A", Sample.T0);

        Assert.False(Contains(Marker));
        Assert.False(Contains("Mme Marker"));
        Assert.Single(Store.GetNotes("B"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_database_wal_and_shm_files_are_owner_only()
    {
        Store.SaveClients([Sample.Client("A")], [Sample.Note("A", "x", Sample.Day)], []);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            Assert.True(File.Exists(path + suffix), path + suffix);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path + suffix));
        }
    }

    [Fact]
    public void Under_a_data_key_the_note_text_is_not_in_the_file_bytes()
    {
        const string Marker = "ENC-MARKER-77120";
        ((SqlStore)Store).DataKeys = Privacy.DataKeyRing.Parse(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), "test");
        Store.SaveClients([Sample.Client("A")], [Sample.Note("A", "note " + Marker, Sample.Day)], []);
        Assert.Equal("note " + Marker, Store.GetNotes("A").Single().Text);
        Assert.False(Contains(Marker));
    }

    private bool Contains(string marker)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(marker);
        return DatabaseFileSuffixes.Where(s => File.Exists(path + s))
            .Any(s => ReadShared(path + s).AsSpan().IndexOf(needle) >= 0);
    }

    private static byte[] ReadShared(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
