using Npgsql;

namespace Clientele.TestKit.Postgres;

/// <summary>
/// A fresh, uniquely named schema in the test database, dropped on dispose: each test gets an empty database
/// of its own without the cost of CREATE DATABASE, and tests can run in parallel.
/// </summary>
public sealed class PostgresSchema : IDisposable
{
    private readonly string adminConnectionString;

    public PostgresSchema()
    {
        adminConnectionString = PostgresEnvironment.RequireConnectionString();
        Name = "clientele_test_" + Guid.NewGuid().ToString("N")[..16];
        Execute($"CREATE SCHEMA {Name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { SearchPath = Name }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>The test database with this schema first on the search path.</summary>
    public string ConnectionString { get; }

    public void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(adminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public void Dispose() => Execute($"DROP SCHEMA IF EXISTS {Name} CASCADE");
}
