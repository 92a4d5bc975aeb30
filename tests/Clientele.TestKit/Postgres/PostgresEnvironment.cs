namespace Clientele.TestKit.Postgres;

/// <summary>
/// Where the PostgreSQL tests find their server. Missing on a developer machine, they are skipped; missing in
/// CI, they fail, so a CI that forgot the server cannot pass with half the suite silently unrun.
/// </summary>
public static class PostgresEnvironment
{
    public const string Variable = "CLIENTELE_TEST_PG";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool InCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? SkipReason =>
        ConnectionString is null && !InCi
            ? $"{Variable} is not set: source .ci/postgres.sh (throwaway server) or point it at a PostgreSQL database to run these."
            : null;

    public static string RequireConnectionString() =>
        ConnectionString ?? throw new InvalidOperationException(
            $"{Variable} is not set but CI=true: the PostgreSQL store tests must run in CI. "
            + "Source .ci/postgres.sh before 'dotnet test' (it starts a throwaway server and exports the variable).");
}
