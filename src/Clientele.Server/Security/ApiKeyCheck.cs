using Clientele.Storage.Keys;

namespace Clientele.Server.Security;

/// <summary>
/// The admin check for routes whose policy depends on the request (<c>POST /api/predict?store=true</c> writes, the
/// plain call only scores), and <see cref="RequireApiKey"/>, the admin policy plus the write rate limit.
/// </summary>
public static class ApiKeyCheck
{
    public const string Header = ApiKeyAuthenticationHandler.Header;

    /// <summary>Null when the signed-in key is an admin; otherwise the problem response to send.</summary>
    public static IResult? Verify(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Results.Problem(ServerMessages.MissingKey, statusCode: StatusCodes.Status401Unauthorized, title: "API key required");
        }

        return context.User.IsInRole(Roles.Admin)
            ? null
            : Results.Problem(ServerMessages.Forbidden(context.User.Role()), statusCode: StatusCodes.Status403Forbidden, title: "Role not allowed");
    }

    /// <summary>Admin role, and the write rate limit.</summary>
    public static RouteHandlerBuilder RequireApiKey(this RouteHandlerBuilder builder) =>
        builder.RequireAuthorization(Policies.Admin).RequireRateLimiting(RateLimits.Writes);
}
