using Clientele.Storage.Keys;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clientele.Server.Security;

/// <summary>
/// The dashboard's sign-in: <c>POST /api/session</c> with a key sets the session cookie; <c>GET /api/session</c> says
/// who is signed in and hands out the antiforgery token that cookie-authenticated writes send in
/// <see cref="CookieAntiforgery.HeaderName"/>; <c>DELETE /api/session</c> signs out.
/// </summary>
public static class SessionApi
{
    /// <summary>The sign-in form's body.</summary>
    public sealed record SignInRequest(string? Key);

    /// <summary>Who is signed in, and the token for writes.</summary>
    public sealed record SessionView(string KeyId, string Role, string? Advisor, string CsrfToken);

    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/session", SignIn)
            .WithName("SignIn")
            .WithSummary("Signs the dashboard in with an API key: sets an HttpOnly, SameSite=Strict session cookie (Secure under TLS).")
            .Produces<SessionView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .AllowAnonymous()
            .DisableAntiforgery();
        app.MapGet("/api/session", Results<Ok<SessionView>, ProblemHttpResult> (HttpContext context, IAntiforgery antiforgery) =>
                TypedResults.Ok(View(context, antiforgery)))
            .WithName("GetSession")
            .WithSummary("The signed-in key (id, role, advisor) and the antiforgery token for cookie-authenticated writes.")
            .RequireAuthorization(Policies.Read);
        app.MapDelete("/api/session", async (HttpContext context) =>
            {
                await context.SignOutAsync(SessionCookie.Scheme);
                return TypedResults.NoContent();
            })
            .WithName("SignOut")
            .WithSummary("Signs the dashboard out (removes the session cookie).")
            .RequireAuthorization(Policies.Read);
        return app;
    }

    private static async Task<Results<Ok<SessionView>, ProblemHttpResult>> SignIn(SignInRequest? body, HttpContext context, KeyBook keys, SignInLockout lockout,
        AuditTrail audit, IAntiforgery antiforgery)
    {
        var key = ApiKeyAuthenticationHandler.Check(context, body?.Key ?? string.Empty, keys, lockout, audit);
        if (key is null)
        {
            return ApiKeyAuthenticationHandler.WasLocked(context)
                ? TypedResults.Problem(ServerMessages.LockedOut(context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ServerOptions>>().Value.LockoutMinutes),
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed sign-ins")
                : TypedResults.Problem(ServerMessages.WrongKey, statusCode: StatusCodes.Status401Unauthorized, title: "API key not valid");
        }

        var principal = KeyPrincipal.For(key, SessionCookie.Scheme);
        await context.SignInAsync(SessionCookie.Scheme, principal);

        // The token is bound to the signed-in identity, so it is made for the principal just signed in.
        context.User = principal;
        audit.Record(context, AuditTrail.SignIn, key.KeyId, "200");
        return TypedResults.Ok(View(context, antiforgery));
    }

    private static SessionView View(HttpContext context, IAntiforgery antiforgery) =>
        new(context.User.KeyId() ?? string.Empty, context.User.Role() ?? string.Empty, context.User.Advisor(), antiforgery.GetAndStoreTokens(context).RequestToken ?? string.Empty);
}
