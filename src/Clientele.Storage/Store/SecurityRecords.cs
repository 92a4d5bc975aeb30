namespace Clientele.Storage.Store;

/// <summary>
/// An API key as the store keeps it: its public id, role (<c>viewer</c>, <c>advisor</c>, <c>admin</c>), the advisor it
/// speaks for (advisor keys), the keyed hash of the secret (never the secret), and when it was created and revoked.
/// </summary>
public sealed record ApiKeyRecord(string KeyId, string Role, string? Advisor, string KeyHash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    /// <summary>True until revoked.</summary>
    public bool Active => RevokedAt is null;
}

/// <summary>
/// One audit entry: when, which key (null when none was valid), what (<c>sign-in-failure</c>, <c>client-read</c>,
/// <c>train</c>…), about which id, from which address, and the outcome (the HTTP status or <c>ok</c>). Never note text.
/// </summary>
public sealed record AuditRecord(DateTimeOffset At, string? KeyId, string Action, string? Subject, string? Remote, string Outcome);
