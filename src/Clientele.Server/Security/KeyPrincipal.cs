using System.Security.Claims;
using Clientele.Storage.Store;

namespace Clientele.Server.Security;

/// <summary>The signed-in key as claims: its id (audit), role (policies) and advisor (scope). Never the secret.</summary>
public static class KeyPrincipal
{
    public const string KeyIdClaim = "clientele:key_id";
    public const string AdvisorClaim = "clientele:advisor";

    /// <summary>A principal for <paramref name="key"/>, of the given authentication type (the scheme).</summary>
    public static ClaimsPrincipal For(ApiKeyRecord key, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(KeyIdClaim, key.KeyId),
            new(ClaimTypes.Name, key.KeyId),
            new(ClaimTypes.Role, key.Role),
        };
        if (key.Advisor is { } advisor)
        {
            claims.Add(new Claim(AdvisorClaim, advisor));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The key id of a signed-in principal, null otherwise.</summary>
    public static string? KeyId(this ClaimsPrincipal user) => user.FindFirstValue(KeyIdClaim);

    /// <summary>The role of a signed-in principal, null otherwise.</summary>
    public static string? Role(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role);

    /// <summary>The advisor an advisor key speaks for, null otherwise.</summary>
    public static string? Advisor(this ClaimsPrincipal user) => user.FindFirstValue(AdvisorClaim);
}
