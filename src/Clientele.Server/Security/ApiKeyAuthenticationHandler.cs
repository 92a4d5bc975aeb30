using System.Text.Encodings.Web;
using Clientele.Storage.Keys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Clientele.Server.Security;

/// <summary>
/// The <c>X-Api-Key</c> scheme: finds the key's record by id, compares keyed hashes in constant time, and signs the
/// request in with the key's id, role and advisor. A wrong key counts against the remote address
/// (<see cref="SignInLockout"/>) and is audited; a locked-out address gets 429 whatever it sends. The key itself is
/// never logged, audited or echoed.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    KeyBook keys,
    SignInLockout lockout,
    AuditTrail audit)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    private const string LockedItem = "clientele:locked";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var sent) || string.IsNullOrEmpty(sent.ToString()))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var result = Check(Context, sent.ToString(), keys, lockout, audit);
        return Task.FromResult(result is null
            ? AuthenticateResult.Fail(ServerMessages.WrongKey)
            : AuthenticateResult.Success(new AuthenticationTicket(KeyPrincipal.For(result, SchemeName), SchemeName)));
    }

    /// <summary>
    /// Checks a presented key for a request (the header here, the sign-in form in <see cref="SessionApi"/>): the
    /// record when valid; null when wrong (counted and audited) or when the address is locked out.
    /// </summary>
    public static Storage.Store.ApiKeyRecord? Check(HttpContext context, string presented, KeyBook keys, SignInLockout lockout, AuditTrail audit)
    {
        var address = context.Connection.RemoteIpAddress;
        if (lockout.IsLocked(address))
        {
            context.Items[LockedItem] = true;
            audit.Record(null, AuditTrail.SignInLocked, null, address?.ToString(), "429");
            return null;
        }

        var record = keys.Verify(presented);
        if (record is null)
        {
            var locked = lockout.Fail(address);
            context.Items[LockedItem] = locked;
            audit.Record(null, AuditTrail.SignInFailure, null, address?.ToString(), locked ? "429" : "401");
        }

        return record;
    }

    /// <summary>True when the request was refused because its address is locked out.</summary>
    public static bool WasLocked(HttpContext context) => context.Items[LockedItem] is true;

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WasLocked(Context)
            ? Problems.Write(Context, StatusCodes.Status429TooManyRequests, "Too many failed sign-ins", ServerMessages.LockedOut(Options2.LockoutMinutes))
            : Problems.Write(Context, StatusCodes.Status401Unauthorized, "API key not valid", ServerMessages.WrongKey);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status403Forbidden, "Role not allowed", ServerMessages.Forbidden(Context.User.Role()));

    private ServerOptions Options2 => Context.RequestServices.GetRequiredService<IOptions<ServerOptions>>().Value;
}
