namespace Clientele.Server.Hosting;

/// <summary>The bundle of a version another replica activated could not be loaded here (missing or unreadable folder).</summary>
internal sealed class FollowFailedException(string version, Exception inner) : Exception(inner.Message, inner)
{
    public string Version { get; } = version;
}
