namespace Clientele.Cli.Tests;

/// <summary>
/// A fact that needs PostgreSQL (CLIENTELE_TEST_PG): skipped without it on a developer machine, run in CI (CI=true),
/// where a missing server fails the test instead of hiding it.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        var missing = string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CLIENTELE_TEST_PG"));
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (missing && !ci)
        {
            Skip = "CLIENTELE_TEST_PG is not set: source .ci/postgres.sh (throwaway server) to run the sharded-worker test.";
        }
    }
}
