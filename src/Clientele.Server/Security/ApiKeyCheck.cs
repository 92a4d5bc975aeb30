using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Clientele.Server.Security;

/// <summary>
/// Guards writes with the configured API key. The comparison takes the same time whatever the key sent,
/// so response timing leaks nothing about it; the key itself is never logged or echoed.
/// </summary>
public static class ApiKeyCheck
{
    public const string Header = "X-Api-Key";

    /// <summary>Null when the request may write; otherwise the problem response to send.</summary>
    public static IResult? Verify(HttpContext context)
    {
        var configured = context.RequestServices.GetRequiredService<IOptions<ServerOptions>>().Value.ApiKey;
        if (string.IsNullOrEmpty(configured))
        {
            return Results.Problem(ServerMessages.NoKeyConfigured, statusCode: StatusCodes.Status403Forbidden, title: "Writes disabled");
        }

        if (!context.Request.Headers.TryGetValue(Header, out var sent) || string.IsNullOrEmpty(sent.ToString()))
        {
            return Results.Problem(ServerMessages.MissingKey, statusCode: StatusCodes.Status401Unauthorized, title: "API key required");
        }

        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(configured));
        // Hashing both sides first gives equal lengths, which FixedTimeEquals needs to stay constant-time.
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(sent.ToString()));
        return CryptographicOperations.FixedTimeEquals(expected, actual)
            ? null
            : Results.Problem(ServerMessages.WrongKey, statusCode: StatusCodes.Status401Unauthorized, title: "API key not valid");
    }

    /// <summary>Adds the key check in front of an endpoint, and the write rate limit.</summary>
    public static RouteHandlerBuilder RequireApiKey(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (ctx, next) => Verify(ctx.HttpContext) ?? await next(ctx))
            .RequireRateLimiting(RateLimits.Writes);
}
