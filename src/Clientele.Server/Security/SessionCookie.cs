using Clientele.Storage.Keys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Clientele.Server.Security;

/// <summary>
/// The dashboard's session: after signing in with a key (<c>POST /api/session</c>) the browser holds an HttpOnly,
/// SameSite=Strict cookie (Secure when the request came over TLS) carrying the key's id and role, protected by
/// ASP.NET Core data protection. A revoked key's cookie stops working at its next request.
/// </summary>
public static class SessionCookie
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string Name = "clientele.session";

    /// <summary>Scheme that picks X-Api-Key when the header is present, the cookie otherwise.</summary>
    public const string Selector = "Clientele";

    public static AuthenticationBuilder AddClienteleSchemes(this IServiceCollection services)
    {
        var builder = services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, "X-Api-Key or session cookie", o =>
                o.ForwardDefaultSelector = c => c.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header) ? ApiKeyAuthenticationHandler.SchemeName : Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, _ => { })
            .AddCookie(Scheme, o =>
            {
                o.Cookie.Name = Name;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = c => Problems.Write(c.HttpContext, StatusCodes.Status401Unauthorized, "Sign-in required", MissingCredential(c.HttpContext));
                o.Events.OnRedirectToAccessDenied = c => Problems.Write(c.HttpContext, StatusCodes.Status403Forbidden, "Role not allowed",
                    ServerMessages.Forbidden(c.HttpContext.User.Role()));
                o.Events.OnValidatePrincipal = c =>
                {
                    var keys = c.HttpContext.RequestServices.GetRequiredService<KeyBook>();
                    if (c.Principal?.KeyId() is not { } id || keys.IsActive(id) is false)
                    {
                        c.RejectPrincipal();
                    }

                    return Task.CompletedTask;
                };
            });
        services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<IOptions<ServerOptions>>((o, server) =>
            o.ExpireTimeSpan = TimeSpan.FromHours(Math.Max(1, server.Value.SessionHours)));
        return builder;
    }

    private static string MissingCredential(HttpContext context) =>
        context.RequestServices.GetRequiredService<KeyBook>().List().Any(k => k.Active) ? ServerMessages.MissingKey : ServerMessages.NoKeyConfigured;
}
