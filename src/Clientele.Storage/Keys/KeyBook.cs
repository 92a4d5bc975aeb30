using System.Security.Cryptography;
using System.Text;
using Clientele.Storage.Store;

namespace Clientele.Storage.Keys;

/// <summary>
/// Creates, checks and revokes API keys. A key reads <c>clk_ID_SECRET</c>: ID (64 random bits, public, used to find
/// the record and in the audit) and SECRET (256 random bits). The store keeps HMAC-SHA-256(pepper, key) only, the
/// pepper being a random value made once per store; the comparison is constant-time. The bootstrap key from
/// <c>CLIENTELE_API_KEY</c> is any string of 24 characters or more, recorded as the admin key <see cref="BootstrapId"/>.
/// </summary>
public sealed class KeyBook
{
    /// <summary>Id of the key that <c>CLIENTELE_API_KEY</c> bootstraps.</summary>
    public const string BootstrapId = "env";

    private const string Prefix = "clk_";
    private const string PepperName = "api-key-pepper";

    private readonly IClienteleStore store;
    private readonly Lazy<byte[]> pepper;

    /// <summary>A key book over a migrated store.</summary>
    public KeyBook(IClienteleStore store)
    {
        this.store = store;
        pepper = new Lazy<byte[]>(() => Convert.FromHexString(store.Secret(PepperName, () => Convert.ToHexString(RandomNumberGenerator.GetBytes(32)))));
    }

    /// <summary>Creates a key; the returned secret is shown once and never stored.</summary>
    public (ApiKeyRecord Record, string Key) Create(string role, string? advisor, DateTimeOffset at)
    {
        if (!Roles.IsKnown(role))
        {
            throw new ArgumentException(KeyMessages.UnknownRole(role), nameof(role));
        }

        if (role == Roles.Advisor && string.IsNullOrWhiteSpace(advisor))
        {
            throw new ArgumentException(KeyMessages.AdvisorNeedsName, nameof(advisor));
        }

        if (role != Roles.Advisor && !string.IsNullOrWhiteSpace(advisor))
        {
            throw new ArgumentException(KeyMessages.AdvisorOnlyForAdvisors, nameof(advisor));
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var key = Prefix + id + "_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var record = new ApiKeyRecord(id, role, advisor?.Trim(), Hash(key), at, null);
        store.SaveApiKey(record);
        return (record, key);
    }

    /// <summary>Records <paramref name="key"/> as the active admin key <see cref="BootstrapId"/>, replacing any previous one.</summary>
    public void Bootstrap(string key, DateTimeOffset at)
    {
        if (key.Length < KeyMessages.MinimumBootstrapLength)
        {
            throw new ArgumentException(KeyMessages.BootstrapTooShort, nameof(key));
        }

        var hash = Hash(key);
        var existing = store.FindApiKey(BootstrapId);
        if (existing is null || existing.KeyHash != hash || existing.Role != Roles.Admin || !existing.Active)
        {
            store.SaveApiKey(new ApiKeyRecord(BootstrapId, Roles.Admin, null, hash, at, null));
        }
    }

    /// <summary>The active key matching <paramref name="presented"/>; null for anything else (unknown, revoked, wrong).</summary>
    public ApiKeyRecord? Verify(string presented)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 512)
        {
            return null;
        }

        var record = store.FindApiKey(IdOf(presented));
        var expected = record is null ? new byte[32] : Convert.FromHexString(record.KeyHash);
        var actual = Convert.FromHexString(Hash(presented));

        // Hashed first, so both sides have the same length whatever was sent; the comparison runs even for an unknown id.
        var same = CryptographicOperations.FixedTimeEquals(expected, actual);
        return same && record is { Active: true } ? record : null;
    }

    /// <summary>True when the key exists and is not revoked (a session cookie of a revoked key stops working).</summary>
    public bool IsActive(string keyId) => store.FindApiKey(keyId) is { Active: true };

    /// <summary>Revokes a key; false when it is unknown or already revoked.</summary>
    public bool Revoke(string keyId, DateTimeOffset at) => store.RevokeApiKey(keyId, at);

    /// <summary>Every key (no secrets: only hashes are stored).</summary>
    public IReadOnlyList<ApiKeyRecord> List() => store.ListApiKeys();

    private static string IdOf(string key)
    {
        if (key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            var end = key.IndexOf('_', Prefix.Length);
            if (end > Prefix.Length)
            {
                return key[Prefix.Length..end];
            }
        }

        return BootstrapId;
    }

    private string Hash(string key) => Convert.ToHexStringLower(HMACSHA256.HashData(pepper.Value, Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
