namespace Clientele.Server.Tests.Fixtures;

/// <summary>A server with no API key configured: every write must be refused with 403.</summary>
public sealed class NoKeyServerFactory : ServerFactory
{
    protected override string? ApiKey => null;
}
