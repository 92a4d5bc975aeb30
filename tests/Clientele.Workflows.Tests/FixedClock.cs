namespace Clientele.Workflows.Tests;

/// <summary>A clock stopped at one instant, so the times the workflows record can be asserted.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
