using Dapper;

namespace Clientele.Storage.Store;

public abstract partial class SqlStore
{
    private const string KeyColumns = "key_id, role, advisor, key_hash, created_at, revoked_at";

    public void SaveApiKey(ApiKeyRecord key)
    {
        ArgumentNullException.ThrowIfNull(key);
        InTransaction((c, tx) => c.Execute(
            """
            INSERT INTO api_keys (key_id, role, advisor, key_hash, created_at, revoked_at)
            VALUES (@KeyId, @Role, @Advisor, @KeyHash, @CreatedAt, @RevokedAt)
            ON CONFLICT (key_id) DO UPDATE SET role = excluded.role, advisor = excluded.advisor, key_hash = excluded.key_hash,
                created_at = excluded.created_at, revoked_at = excluded.revoked_at
            """,
            new
            {
                key.KeyId, key.Role, key.Advisor, key.KeyHash, CreatedAt = TimestampValue(key.CreatedAt),
                RevokedAt = key.RevokedAt is { } r ? TimestampValue(r) : null,
            },
            tx));
    }

    public ApiKeyRecord? FindApiKey(string keyId) =>
        WithConnection(c => Query(c, $"SELECT {KeyColumns} FROM api_keys WHERE key_id = @keyId", new { keyId }, ReadKey)).SingleOrDefault();

    public IReadOnlyList<ApiKeyRecord> ListApiKeys() =>
        WithConnection(c => Query(c, $"SELECT {KeyColumns} FROM api_keys ORDER BY created_at, key_id", null, ReadKey));

    public bool RevokeApiKey(string keyId, DateTimeOffset at) =>
        InTransaction((c, tx) => c.Execute(
            "UPDATE api_keys SET revoked_at = @At WHERE key_id = @keyId AND revoked_at IS NULL",
            new { keyId, At = TimestampValue(at) },
            tx) == 1);

    public string Secret(string name, Func<string> create)
    {
        ArgumentNullException.ThrowIfNull(create);

        // Insert-if-absent then read, in one transaction: two processes starting together agree on one value.
        return InTransaction((c, tx) =>
        {
            LockForUpdate(c, tx);
            c.Execute("INSERT INTO store_secrets (name, secret) VALUES (@name, @secret) ON CONFLICT (name) DO NOTHING", new { name, secret = create() }, tx);
            return c.ExecuteScalar<string>("SELECT secret FROM store_secrets WHERE name = @name", new { name }, tx)!;
        });
    }

    public void AppendAudit(AuditRecord entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        InTransaction((c, tx) => c.Execute(
            "INSERT INTO audit (at, key_id, action, subject, remote, outcome) VALUES (@At, @KeyId, @Action, @Subject, @Remote, @Outcome)",
            new { At = TimestampValue(entry.At), entry.KeyId, entry.Action, entry.Subject, entry.Remote, entry.Outcome },
            tx));
    }

    public IReadOnlyList<AuditRecord> ListAudit(int limit = 100) =>
        WithConnection(c => Query(
            c,
            "SELECT at, key_id, action, subject, remote, outcome FROM audit ORDER BY at DESC, id DESC LIMIT @limit",
            new { limit = Math.Clamp(limit, 1, MaxPageSize) },
            r => new AuditRecord(ReadTimestamp(r, 0), ReadNullableString(r, 1), r.GetString(2), ReadNullableString(r, 3), ReadNullableString(r, 4), r.GetString(5))));

    private ApiKeyRecord ReadKey(System.Data.Common.DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), ReadNullableString(r, 2), r.GetString(3), ReadTimestamp(r, 4), ReadNullableTimestamp(r, 5));
}
