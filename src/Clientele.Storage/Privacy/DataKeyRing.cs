using System.Security.Cryptography;
using System.Text;

namespace Clientele.Storage.Privacy;

/// <summary>
/// The keys note text is encrypted under (AES-256-GCM). The last key given is the current one, used for every
/// new write; the earlier ones only decrypt what they wrote until <c>clientele keys rotate-data</c> re-encrypts
/// it. A key's id is derived from the key (the first 16 hex digits of its SHA-256), so the store can say which key
/// a note needs without holding anything secret.
/// </summary>
public sealed class DataKeyRing
{
    /// <summary>The environment variable holding the key (base64 of 32 bytes; several comma-separated, newest last, during a rotation).</summary>
    public const string EnvironmentVariable = "CLIENTELE_DATA_KEY";

    private const int KeyBytes = 32;

    private readonly Dictionary<string, byte[]> keys;

    private DataKeyRing(List<(string Id, byte[] Key)> ordered)
    {
        keys = ordered.ToDictionary(k => k.Id, k => k.Key, StringComparer.Ordinal);
        CurrentId = ordered[^1].Id;
    }

    /// <summary>The id of the key new writes use.</summary>
    public string CurrentId { get; }

    /// <summary>Ids of every key held, current last.</summary>
    public IReadOnlyCollection<string> Ids => keys.Keys;

    /// <summary>
    /// The ring from base64 keys, oldest first (one per line in a key file, or comma-separated); blank lines and
    /// lines starting with '#' are skipped. ArgumentException, naming <paramref name="source"/> and the line but
    /// never the key, when one is not base64 of 32 bytes or none is given.
    /// </summary>
    public static DataKeyRing Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ordered = new List<(string, byte[])>();
        var entries = text.Split(['\n', ','], StringSplitOptions.None);
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i].Trim();
            if (entry.Length == 0 || entry.StartsWith('#'))
            {
                continue;
            }

            var key = new byte[KeyBytes + 1];
            if (!Convert.TryFromBase64String(entry, key, out var written) || written != KeyBytes)
            {
                throw new ArgumentException($"{source}: entry {i + 1} is not a data key; expected base64 of 32 random bytes (e.g. 'openssl rand -base64 32')");
            }

            ordered.Add((IdOf(key.AsSpan(0, KeyBytes)), key[..KeyBytes]));
        }

        return ordered.Count == 0 ? throw new ArgumentException($"{source}: no data key; expected base64 of 32 random bytes") : new DataKeyRing(ordered);
    }

    /// <summary>
    /// The ring the host is configured with: the key file when given, else <see cref="EnvironmentVariable"/>; null when
    /// neither is set (notes are then stored as plain text, as before).
    /// </summary>
    public static DataKeyRing? Configured(string? keyFile)
    {
        if (!string.IsNullOrWhiteSpace(keyFile))
        {
            return Parse(File.ReadAllText(keyFile), keyFile);
        }

        var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(value) ? null : Parse(value, EnvironmentVariable);
    }

    /// <summary>Encrypts <paramref name="plain"/> bound to <paramref name="context"/> (the client id) under the current key: base64(nonce, ciphertext, tag).</summary>
    public string Seal(string plain, string context)
    {
        ArgumentNullException.ThrowIfNull(plain);
        var data = Encoding.UTF8.GetBytes(plain);
        var sealedBytes = new byte[AesGcm.NonceByteSizes.MaxSize + data.Length + AesGcm.TagByteSizes.MaxSize];
        var nonce = sealedBytes.AsSpan(0, AesGcm.NonceByteSizes.MaxSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys[CurrentId], AesGcm.TagByteSizes.MaxSize);
        aes.Encrypt(nonce, data, sealedBytes.AsSpan(nonce.Length, data.Length), sealedBytes.AsSpan(nonce.Length + data.Length), Encoding.UTF8.GetBytes(context ?? string.Empty));
        return Convert.ToBase64String(sealedBytes);
    }

    /// <summary>Decrypts what <see cref="Seal"/> wrote under key <paramref name="keyId"/>; InvalidOperationException when the key is not held or the text was altered.</summary>
    public string Open(string sealedText, string keyId, string context)
    {
        ArgumentNullException.ThrowIfNull(sealedText);
        if (!keys.TryGetValue(keyId, out var key))
        {
            throw new InvalidOperationException(MissingKey(keyId));
        }

        var bytes = Convert.FromBase64String(sealedText);
        var nonce = AesGcm.NonceByteSizes.MaxSize;
        var tag = AesGcm.TagByteSizes.MaxSize;
        var plain = new byte[bytes.Length - nonce - tag];
        try
        {
            using var aes = new AesGcm(key, tag);
            aes.Decrypt(bytes.AsSpan(0, nonce), bytes.AsSpan(nonce, plain.Length), bytes.AsSpan(nonce + plain.Length), plain, Encoding.UTF8.GetBytes(context ?? string.Empty));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new InvalidOperationException($"a note encrypted under data key {keyId} fails its integrity check: it was altered or belongs to another client");
        }

        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The message for a note whose key is not configured.</summary>
    public static string MissingKey(string keyId) =>
        $"stored notes are encrypted under data key {keyId}, which is not configured: give it in {EnvironmentVariable} or --data-key-file (keep old keys listed until 'clientele keys rotate-data' has run)";

    private static string IdOf(ReadOnlySpan<byte> key) => Convert.ToHexStringLower(SHA256.HashData(key))[..16];
}
