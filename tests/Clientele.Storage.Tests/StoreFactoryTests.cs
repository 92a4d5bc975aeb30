using Clientele.Storage.Store;
using Clientele.Storage.Tests.Infrastructure;

namespace Clientele.Storage.Tests;

public sealed class StoreFactoryTests(TempDirectory folder) : IClassFixture<TempDirectory>
{
    private static readonly int Latest = SchemaMigrations.Steps(new ColumnTypes("", "", "", "", "", "", "", "")).Max(s => s.Version);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void No_connection_string_opens_the_default_SQLite_file_migrated(string? connectionString)
    {
        var path = folder.NewFile();
        using (var store = StoreFactory.Open(connectionString, path))
        {
            Assert.IsType<SqliteStore>(store);
            Assert.Equal(Latest, store.SchemaVersion());
        }

        Assert.True(File.Exists(path));
    }

    [Fact]
    public void A_data_source_string_opens_SQLite()
    {
        var path = folder.NewFile();
        using var store = StoreFactory.Open($" data source={path};Cache=Shared", "unused.db");

        Assert.Equal(path, Assert.IsType<SqliteStore>(store).FilePath);
        Assert.Equal(Latest, store.SchemaVersion());
        Assert.False(File.Exists("unused.db"));
    }

    [PostgresFact]
    public void A_host_string_opens_PostgreSQL()
    {
        using var schema = new PostgresSchema();
        using var store = StoreFactory.Open(schema.ConnectionString);

        Assert.IsType<PostgresStore>(store);
        Assert.Equal(Latest, store.SchemaVersion());
    }

    [Theory]
    [InlineData("User ID=admin;Password=hunter2;Server=db")]
    [InlineData("clientele.db")]
    [InlineData("postgres://admin:hunter2@db/clientele")]
    public void Anything_else_is_rejected_without_echoing_the_string(string connectionString)
    {
        var error = Assert.Throws<ArgumentException>(() => StoreFactory.Open(connectionString));

        Assert.Contains("Data Source=", error.Message);
        Assert.Contains("Host=", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
        Assert.DoesNotContain(connectionString, error.Message);
    }

    [Fact]
    public void Describe_names_the_store_without_the_password()
    {
        var described = StoreFactory.Describe("Host=db.local;Port=5433;Database=clientele;Username=app;Password=hunter2");

        Assert.Equal("PostgreSQL db.local:5433/clientele", described);
        Assert.StartsWith("SQLite file /", StoreFactory.Describe(null, "/tmp/x.db"));
    }
}
