using Microsoft.AspNetCore.Antiforgery;

namespace Clientele.Server.Security;

/// <summary>
/// Antiforgery on writes authenticated by the session cookie: such a request must carry the token from
/// <c>GET /api/session</c> in <see cref="HeaderName"/>. Requests with <c>X-Api-Key</c> carry their credential
/// explicitly, which a forged cross-site request cannot, so they need no token. SameSite=Strict already keeps the
/// cookie off cross-site requests; the token is the second lock.
/// </summary>
public static class CookieAntiforgery
{
    public const string HeaderName = "X-CSRF-Token";

    /// <summary>Adds the check; after authentication, before authorization.</summary>
    public static IApplicationBuilder UseCookieAntiforgery(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var unsafeMethod = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
            var signingIn = HttpMethods.IsPost(request.Method) && request.Path.Equals("/api/session", StringComparison.OrdinalIgnoreCase);
            if (unsafeMethod && !signingIn && !request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header) && request.Cookies.ContainsKey(SessionCookie.Name))
            {
                try
                {
                    await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
                }
                catch (AntiforgeryValidationException)
                {
                    await Problems.Write(context, StatusCodes.Status400BadRequest, "Antiforgery token missing", ServerMessages.AntiforgeryMissing);
                    return;
                }
            }

            await next(context);
        });
}
