using Clientele.Storage.Privacy;
using Dapper;

namespace Clientele.Storage.Store;

public abstract partial class SqlStore
{
    /// <summary>
    /// The keys note text is encrypted under; null stores it as plain text. Set once, before the store is shared
    /// (<see cref="StoreFactory.Open"/> does it from the configuration).
    /// </summary>
    public DataKeyRing? DataKeys { get; set; }

    /// <summary>The body and key id a note is stored with: encrypted under the current key when keys are configured.</summary>
    internal (string Body, string? KeyId) SealNote(string clientId, string text) =>
        DataKeys is { } ring ? (ring.Seal(text, clientId), ring.CurrentId) : (text, null);

    /// <summary>The note text of a stored body; a clear error when it needs a key that is not configured.</summary>
    private string OpenNote(string clientId, string body, string? keyId)
    {
        if (keyId is null)
        {
            return body;
        }

        return DataKeys is { } ring ? ring.Open(body, keyId, clientId) : throw new InvalidOperationException(DataKeyRing.MissingKey(keyId));
    }

    public int RotateDataKey()
    {
        var ring = DataKeys ?? throw new InvalidOperationException($"no data key is configured: set {DataKeyRing.EnvironmentVariable} or --data-key-file (newest key last)");
        return InTransaction((c, tx) =>
        {
            LockForUpdate(c, tx);
            var stale = c.Query<(long Id, string ClientId, string Body, string? KeyId)>(
                "SELECT id, client_id, body, body_key FROM notes WHERE body_key IS NULL OR body_key <> @Current",
                new { Current = ring.CurrentId },
                tx).ToList();
            foreach (var note in stale)
            {
                var plain = OpenNote(note.ClientId, note.Body, note.KeyId);
                var (body, keyId) = SealNote(note.ClientId, plain);
                c.Execute("UPDATE notes SET body = @body, body_key = @keyId WHERE id = @Id", new { body, keyId, note.Id }, tx);
            }

            return stale.Count + RotateTransactions(c, tx, ring.CurrentId);
        });
    }
}
