using Clientele.Storage.Store;

namespace Clientele.Server.Security;

/// <summary>
/// Writes audit entries to the store: who (key id), what, about which id, when, from where. Callers pass ids only
/// (client, version, key); nothing here ever receives note text or a presented key.
/// </summary>
public sealed class AuditTrail(IClienteleStore store, TimeProvider time, ILogger<AuditTrail> log)
{
    public const string SignIn = "sign-in";
    public const string SignInFailure = "sign-in-failure";
    public const string SignInLocked = "sign-in-locked";
    public const string ClientRead = "client-read";
    public const string Train = "train";
    public const string Activate = "activate";
    public const string RunStart = "run-start";
    public const string StoreUpload = "store-upload";
    public const string KeyCreate = "key-create";
    public const string KeyRevoke = "key-revoke";
    public const string AuditRead = "audit-read";
    public const string Erase = "erase";
    public const string Export = "export";
    public const string Consent = "consent";
    public const string ScoringSuppressed = "scoring-suppressed";
    public const string TransactionsUpload = "transactions-upload";

    /// <summary>Records one entry about the request's signed-in key (or none) and remote address.</summary>
    public void Record(HttpContext context, string action, string? subject, string outcome) =>
        Record(context.User.KeyId(), action, subject, context.Connection.RemoteIpAddress?.ToString(), outcome);

    /// <summary>Records one entry; a store failure is logged, not thrown, so auditing cannot take a read down.</summary>
    public void Record(string? keyId, string action, string? subject, string? remote, string outcome)
    {
        try
        {
            store.AppendAudit(new AuditRecord(time.GetUtcNow(), keyId, action, subject, remote, outcome));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.AuditEntryNotRecorded(e, action);
        }
    }
}
