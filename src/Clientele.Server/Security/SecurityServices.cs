using Clientele.Storage.Keys;
using Clientele.Storage.Store;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace Clientele.Server.Security;

/// <summary>Registers and orders the security pieces: host filtering, headers, schemes, policies, antiforgery, limits, audit.</summary>
public static class SecurityServices
{
    public static IServiceCollection AddClienteleSecurity(this IServiceCollection services)
    {
        services.AddSingleton(sp => new KeyBook(sp.GetRequiredService<IClienteleStore>()));
        services.AddSingleton<SignInLockout>();
        services.AddSingleton<AuditTrail>();
        services.AddClienteleSchemes();
        services.AddClientelePolicies();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = CookieAntiforgery.HeaderName;
            o.Cookie.Name = "clientele.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddHostFiltering(_ => { });
        services.AddOptions<HostFilteringOptions>().Configure<IOptions<ServerOptions>>((h, o) =>
        {
            h.AllowedHosts = AllowedHosts.For(o.Value);
            h.AllowEmptyHosts = false;
        });
        services.AddClienteleRateLimits();
        return services;
    }

    /// <summary>
    /// Records the bootstrap key; refuses to start when it is shorter than 24 characters (a short key can be guessed).
    /// </summary>
    public static void BootstrapKey(IServiceProvider services, ServerOptions options)
    {
        if (string.IsNullOrEmpty(options.ApiKey))
        {
            return;
        }

        if (options.ApiKey.Length < KeyMessages.MinimumBootstrapLength)
        {
            throw new InvalidOperationException(KeyMessages.BootstrapTooShort);
        }

        services.GetRequiredService<KeyBook>().Bootstrap(options.ApiKey, services.GetRequiredService<TimeProvider>().GetUtcNow());
    }
}
