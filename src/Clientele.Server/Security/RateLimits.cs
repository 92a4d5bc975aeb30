using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Clientele.Server.Security;

/// <summary>A fixed-window limit on writes per client address: training and activation are costly, reads are not limited.</summary>
public static class RateLimits
{
    public const string Writes = "writes";

    public static IServiceCollection AddClienteleRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, token) =>
            {
                ctx.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await Results.Problem(ServerMessages.RateLimited, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests")
                    .ExecuteAsync(ctx.HttpContext);
            };
            o.AddPolicy(Writes, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ServerOptions>>().Value.WritesPerMinute),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        return services;
    }
}
