namespace Clientele.Server.Tests.Replicas;

/// <summary>
/// A fact that needs PostgreSQL (CLIENTELE_TEST_PG): skipped without it on a developer machine, run in CI (CI=true),
/// where a missing server fails the test instead of hiding it (as the CLI's and the store's PostgreSQL tests do).
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        var missing = string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CLIENTELE_TEST_PG"));
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (missing && !ci)
        {
            Skip = "CLIENTELE_TEST_PG is not set: source .ci/postgres.sh (throwaway server) to run the replica test.";
        }
    }
}
