using Clientele.Storage.Keys;

namespace Clientele.Server.Security;

/// <summary>
/// The authorization policies; every route names one (or allows anonymous access: <c>/health</c>, sign-in). Roles
/// nest: <see cref="Read"/> is any role, <see cref="Contacts"/> an advisor or admin, <see cref="Admin"/> admins only.
/// </summary>
public static class Policies
{
    /// <summary>Dashboard and every read: viewer, advisor (own clients) or admin.</summary>
    public const string Read = "read";

    /// <summary>Recording contacts: advisor or admin.</summary>
    public const string Contacts = "contacts";

    /// <summary>Train, activate, erase, export, keys, audit, consent.</summary>
    public const string Admin = "admin";

    /// <summary>The roles each policy admits, as OpenAPI shows them.</summary>
    public static IReadOnlyList<string> RolesOf(string policy) => policy switch
    {
        Read => Roles.All,
        Contacts => [Roles.Advisor, Roles.Admin],
        Admin => [Roles.Admin],
        _ => [],
    };

    /// <summary>Registers the policies; a route that names none still needs a signed-in key (fallback policy).</summary>
    public static IServiceCollection AddClientelePolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Read, p => p.RequireAuthenticatedUser().RequireRole(RolesOf(Read)))
            .AddPolicy(Contacts, p => p.RequireAuthenticatedUser().RequireRole(RolesOf(Contacts)))
            .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(RolesOf(Admin)))
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }
}
