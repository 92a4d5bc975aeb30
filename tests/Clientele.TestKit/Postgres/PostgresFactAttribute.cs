using Xunit;

namespace Clientele.TestKit.Postgres;

/// <summary>A fact that needs PostgreSQL: skipped without <see cref="PostgresEnvironment.Variable"/>, unless in CI.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = PostgresEnvironment.SkipReason!;
    }
}
