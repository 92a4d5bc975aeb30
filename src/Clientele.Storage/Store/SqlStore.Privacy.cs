using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace Clientele.Storage.Store;

public abstract partial class SqlStore
{
    /// <summary>Name of the per-store secret keying the client-id hash (see <see cref="ClientHash"/>).</summary>
    private const string ClientHashSecret = "client-id-hash-key";

    /// <summary>Marks a hashed id in the audit, so a reader can tell it from a live id.</summary>
    private const string HashPrefix = "hmac:";

    private Lazy<byte[]>? clientHashKey;

    /// <summary>Name of the per-store secret keying the note de-duplication key (see <see cref="NoteKeys"/>).</summary>
    private const string NoteKeySecret = "note-key";

    private Lazy<byte[]>? noteKeyKey;

    /// <summary>
    /// The keys the notes are de-duplicated by, in their order: HMAC-SHA-256 of (client, date, text as stored) under a
    /// random per-store key, so an encrypted note can be matched without decrypting and the key reveals nothing of the
    /// text. Computed on the pool; call it before a write transaction opens: the first call may create the secret.
    /// </summary>
    internal string[] NoteKeys(IReadOnlyList<Core.Ingest.Note> notes)
    {
        var key = NoteKeyKey(); // once, here: the first call may create the secret
        var keys = new string[notes.Count];
        Parallel.For(0, notes.Count, i => keys[i] = NoteKey(key, notes[i].ClientId, notes[i].Date, notes[i].Text));
        return keys;
    }

    private byte[] NoteKeyKey()
    {
        noteKeyKey ??= new Lazy<byte[]>(() => Convert.FromHexString(Secret(NoteKeySecret, () => Convert.ToHexString(RandomNumberGenerator.GetBytes(32)))));
        return noteKeyKey.Value;
    }

    // The UTF-8 of "client U+001F yyyy-MM-dd U+001F text", hashed, its first 16 bytes in lower-case hex: encoded piece by
    // piece into one pooled buffer (the separators keep any surrogate pair whole, so the bytes are the joined string's).
    private static string NoteKey(byte[] key, string clientId, DateOnly? date, string text)
    {
        Span<char> day = stackalloc char[10];
        var dayLength = 0;
        if (date is { } d && !d.TryFormat(day, out dayLength, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("a date longer than yyyy-MM-dd");
        }

        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(clientId.Length + dayLength + text.Length + 2));
        try
        {
            var n = Encoding.UTF8.GetBytes(clientId, buffer);
            buffer[n++] = 0x1f;
            n += Encoding.UTF8.GetBytes(day[..dayLength], buffer.AsSpan(n));
            buffer[n++] = 0x1f;
            n += Encoding.UTF8.GetBytes(text, buffer.AsSpan(n));
            Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(key, buffer.AsSpan(0, n), hash);
            return Convert.ToHexStringLower(hash[..16]);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// HMAC-SHA-256 of the id under a random per-store key: stable, so the audit of an erased client still groups
    /// its entries and a training membership can be matched, yet not reversible nor guessable without the key.
    /// </summary>
    public string ClientHash(string clientId)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        clientHashKey ??= new Lazy<byte[]>(() => Convert.FromHexString(Secret(ClientHashSecret, () => Convert.ToHexString(RandomNumberGenerator.GetBytes(32)))));
        return HashPrefix + Convert.ToHexStringLower(HMACSHA256.HashData(clientHashKey.Value, Encoding.UTF8.GetBytes(clientId)));
    }

    public ErasureRecord ForgetClient(string clientId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        var hash = ClientHash(clientId);
        var erased = InTransaction((c, tx) =>
        {
            var p = new { clientId, hash, At = TimestampValue(at) };
            var found = c.ExecuteScalar<int>("SELECT COUNT(*) FROM clients WHERE client_id = @clientId", p, tx) > 0;
            var notes = c.Execute("DELETE FROM notes WHERE client_id = @clientId", p, tx);
            var concepts = c.Execute("DELETE FROM concepts WHERE client_id = @clientId", p, tx);
            var predictions = c.Execute("DELETE FROM predictions WHERE client_id = @clientId", p, tx);
            var transactions = c.Execute("DELETE FROM transactions WHERE client_id = @clientId", p, tx);
            c.Execute("DELETE FROM consent WHERE client_id = @clientId", p, tx);
            // What advisors logged and the worklists drawn up name the client too.
            c.Execute("DELETE FROM contacts WHERE client_id = @clientId", p, tx);
            c.Execute("DELETE FROM client_advisors WHERE client_id = @clientId", p, tx);
            c.Execute("DELETE FROM worklist_assignments WHERE client_id = @clientId", p, tx);
            c.Execute("DELETE FROM clients WHERE client_id = @clientId", p, tx);

            // The audit keeps what was done, about whom only as the keyed hash.
            c.Execute("UPDATE audit SET subject = @hash WHERE subject = @clientId", p, tx);
            c.Execute("INSERT INTO erasures (client_hash, erased_at) VALUES (@hash, @At) ON CONFLICT (client_hash) DO NOTHING", p, tx);
            return new ErasureRecord(hash, found || transactions > 0, notes, concepts, predictions) { Transactions = transactions };
        });
        ScrubAfterErasure();
        return erased;
    }

    /// <summary>
    /// Makes deleted rows unreadable in the files themselves (SQLite: the WAL checkpointed and truncated; deleted
    /// content is already zeroed by <c>secure_delete</c>). PostgreSQL keeps dead tuples until VACUUM (docs/SECURITY.md).
    /// </summary>
    private protected virtual void ScrubAfterErasure()
    {
    }

    public void SaveTrainedVersion(ModelVersionRecord version, RunRecord? run, bool activate, IReadOnlyCollection<string> members)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(members);
        var hashes = members.Distinct(StringComparer.Ordinal).Select(ClientHash).ToList();
        InTransaction((c, tx) =>
        {
            LockForUpdate(c, tx);
            var noneActive = c.ExecuteScalar<int>("SELECT COUNT(*) FROM model_versions WHERE active AND version <> @Version", new { version.Version }, tx) == 0;
            UpsertModel(c, tx, version with { Active = version.Active || activate || (run is not null && noneActive) });
            if (run is not null)
            {
                UpsertRun(c, tx, run);
            }

            c.Execute("DELETE FROM training_members WHERE version = @Version", new { version.Version }, tx);
            MultiRow.Insert(c, tx, RowsPerStatement, "INSERT INTO training_members (version, client_hash) VALUES", string.Empty, hashes, h =>
                [version.Version, h]);
        });
    }

    public IReadOnlyDictionary<string, int> ErasedMembersByVersion() =>
        WithConnection(c => Query(
                c,
                "SELECT m.version, COUNT(*) FROM training_members m JOIN erasures e ON e.client_hash = m.client_hash GROUP BY m.version",
                null,
                r => (Version: r.GetString(0), Count: r.GetInt32(1))))
            .ToDictionary(x => x.Version, x => x.Count, StringComparer.Ordinal);

    public void SetConsent(string clientId, string state, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        if (!ConsentStates.All.Contains(state))
        {
            throw new ArgumentException($"unknown consent state '{state}'; expected {string.Join(", ", ConsentStates.All)}", nameof(state));
        }

        InTransaction((c, tx) =>
        {
            c.Execute(
                "INSERT INTO consent (client_id, state, updated_at) VALUES (@clientId, @state, @At) ON CONFLICT (client_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
                new { clientId, state, At = TimestampValue(at) },
                tx);

            // Objection stops the profiling, past results included: the scores go, the notes stay for the advisors.
            if (ConsentStates.Suppresses(state))
            {
                c.Execute("DELETE FROM predictions WHERE client_id = @clientId", new { clientId }, tx);
            }
        });
    }

    public ConsentRecord? GetConsent(string clientId) =>
        WithConnection(c => Query(c, "SELECT client_id, state, updated_at FROM consent WHERE client_id = @clientId", new { clientId }, ReadConsent))
            .SingleOrDefault();

    public IReadOnlySet<string> SuppressedClients() =>
        WithConnection(c => Query(
                c,
                "SELECT client_id FROM consent WHERE state IN (@Withdrawn, @Objected)",
                new { ConsentStates.Withdrawn, ConsentStates.Objected },
                r => r.GetString(0)))
            .ToHashSet(StringComparer.Ordinal);

    public IReadOnlyList<AuditRecord> ListAuditAbout(string subject) =>
        WithConnection(c => Query(
            c,
            "SELECT at, key_id, action, subject, remote, outcome FROM audit WHERE subject = @subject ORDER BY at DESC, id DESC",
            new { subject },
            r => new AuditRecord(ReadTimestamp(r, 0), ReadNullableString(r, 1), r.GetString(2), ReadNullableString(r, 3), ReadNullableString(r, 4), r.GetString(5))));

    private ConsentRecord ReadConsent(DbDataReader r) => new(r.GetString(0), r.GetString(1), ReadTimestamp(r, 2));
}
