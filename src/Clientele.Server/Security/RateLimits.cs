using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Clientele.Server.Security;

/// <summary>
/// Two fixed-window limits: every request but <c>/health</c> counts against its key (or, before sign-in, its
/// address) at <see cref="ServerOptions.RequestsPerMinute"/>; writes (training, activation, storing) also count
/// against the address at <see cref="ServerOptions.WritesPerMinute"/>. Beyond either: 429 with Retry-After.
/// </summary>
public static class RateLimits
{
    public const string Writes = "writes";

    public static IServiceCollection AddClienteleRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, token) =>
                await Problems.Write(ctx.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests", ServerMessages.RateLimited);
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (http.Request.Path.Equals("/health", StringComparison.OrdinalIgnoreCase))
                {
                    return RateLimitPartition.GetNoLimiter("health");
                }

                var partition = http.User.KeyId() is { } key ? "key:" + key : "address:" + Address(http);
                return RateLimitPartition.GetFixedWindowLimiter(partition, _ => PerMinute(Server(http).RequestsPerMinute));
            });
            o.AddPolicy(Writes, http => RateLimitPartition.GetFixedWindowLimiter(Address(http), _ => PerMinute(Server(http).WritesPerMinute)));
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };

    private static ServerOptions Server(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<ServerOptions>>().Value;

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "local";
}
