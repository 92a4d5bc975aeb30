namespace Clientele.Server.Hosting;

/// <summary>A request body over <see cref="ServerOptions.MaxUploadBytes"/>; answered with 413.</summary>
public sealed class UploadTooLargeException(long limit) : Exception(ServerMessages.TooLarge(limit))
{
    public long Limit { get; } = limit;
}
