using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Clientele.Server.Security;

/// <summary>
/// Two fixed-window limits: every request but <c>/health</c> counts against its key (or, before sign-in, its
/// address) at <see cref="ServerOptions.RequestsPerMinute"/>; writes (training, activation, storing) also count
/// against the address at <see cref="ServerOptions.WritesPerMinute"/>. Beyond either: 429 with Retry-After.
/// And one concurrency limit, chained after the first: uploads (POST /api/predict and /api/train) are parsed at most
/// <see cref="ServerOptions.MaxConcurrentUploads"/> at a time, <see cref="ServerOptions.UploadQueue"/> waiting; beyond
/// that: 503 with Retry-After, so parallel large uploads keep memory bounded and <c>/health</c> answering.
/// </summary>
public static class RateLimits
{
    public const string Writes = "writes";

    /// <summary>
    /// Seconds an upload refused for lack of a parsing slot is told to wait: a 50 MB upload parses in a few seconds on
    /// the reference machine, so a slot is likely free by then.
    /// </summary>
    public const int UploadRetryAfterSeconds = 5;

    /// <summary>The one partition every upload shares: the limit is on the server's memory, not per caller.</summary>
    private const string UploadPartition = "uploads";

    public static IServiceCollection AddClienteleRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, token) =>
            {
                // A fixed window's refusal says when to retry; the upload concurrency limiter's does not.
                if (!ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out _) && IsUpload(ctx.HttpContext))
                {
                    ctx.HttpContext.Response.Headers.RetryAfter = UploadRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    await Problems.Write(ctx.HttpContext, StatusCodes.Status503ServiceUnavailable, "Uploads busy", ServerMessages.UploadsBusy);
                    return;
                }

                await Problems.Write(ctx.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests", ServerMessages.RateLimited);
            };
            var perKey = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (http.Request.Path.Equals("/health", StringComparison.OrdinalIgnoreCase))
                {
                    return RateLimitPartition.GetNoLimiter("health");
                }

                var partition = http.User.KeyId() is { } key ? "key:" + key : "address:" + Address(http);
                return RateLimitPartition.GetFixedWindowLimiter(partition, _ => PerMinute(Server(http).RequestsPerMinute));
            });
            var uploads = PartitionedRateLimiter.Create<HttpContext, string>(http => IsUpload(http)
                ? RateLimitPartition.GetConcurrencyLimiter(UploadPartition, _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = Math.Max(1, Server(http).MaxConcurrentUploads),
                    QueueLimit = Math.Max(0, Server(http).UploadQueue),
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                })
                : RateLimitPartition.GetNoLimiter(string.Empty));
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(perKey, uploads);
            o.AddPolicy(Writes, http => RateLimitPartition.GetFixedWindowLimiter(Address(http), _ => PerMinute(Server(http).WritesPerMinute)));
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };

    /// <summary>The routes whose body is a notes (or labels) file to parse.</summary>
    private static bool IsUpload(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method)
        && (http.Request.Path.Equals("/api/predict", StringComparison.OrdinalIgnoreCase) || http.Request.Path.Equals("/api/train", StringComparison.OrdinalIgnoreCase));

    private static ServerOptions Server(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<ServerOptions>>().Value;

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "local";
}
