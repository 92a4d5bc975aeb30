using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Clientele.Core.Errors;

namespace Clientele.Core.Bundles;

/// <summary>
/// Which clients a bundle was trained on, as keyed hashes and never as ids, so that erasing a client leaves no id
/// in any bundle while <c>evaluate</c> can still tell a client the model has seen from one it has not. The key
/// comes from the data fingerprint and seed, so the same training writes the same file.
/// </summary>
public sealed class TrainingMembers
{
    /// <summary>The format of the saved file; a newer one is refused.</summary>
    public const int FormatVersion = 1;

    private const string Header = "clientele-training-members";

    private readonly byte[] _key;
    private readonly HashSet<ulong> _hashes;

    private TrainingMembers(byte[] key, HashSet<ulong> hashes)
    {
        _key = key;
        _hashes = hashes;
    }

    /// <summary>How many distinct clients the training held.</summary>
    public int Count => _hashes.Count;

    /// <summary>The members of a training on <paramref name="clientIds"/>, keyed by the training's fingerprint and seed.</summary>
    public static TrainingMembers Of(IEnumerable<string> clientIds, string dataFingerprint, int seed)
    {
        ArgumentNullException.ThrowIfNull(clientIds);
        var key = SHA256.HashData(Encoding.UTF8.GetBytes($"{Header}/{dataFingerprint}/{seed.ToString(CultureInfo.InvariantCulture)}"));
        var hashes = new HashSet<ulong>();
        foreach (var id in clientIds)
        {
            hashes.Add(Hash(key, id));
        }

        return new TrainingMembers(key, hashes);
    }

    /// <summary>True when <paramref name="clientId"/> was among the training's clients (64-bit hashes: a false match is about one in 10^19 per pair).</summary>
    public bool Contains(string clientId) => _hashes.Contains(Hash(_key, clientId));

    /// <summary>Writes the header line, the key and one hash per line in ascending order (byte-identical for the same training).</summary>
    public void Save(Stream stream)
    {
        using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        w.WriteLine($"{Header} {FormatVersion.ToString(CultureInfo.InvariantCulture)}");
        w.WriteLine(Convert.ToHexStringLower(_key));
        foreach (var h in _hashes.Order())
        {
            w.WriteLine(h.ToString("x16", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Reads a saved file; a newer format or a damaged line is a clear <see cref="ClienteleInputException"/>.</summary>
    public static TrainingMembers Load(Stream stream, string name)
    {
        using var r = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, 1 << 16, leaveOpen: true);
        var header = r.ReadLine();
        if (header is null || !header.StartsWith(Header + " ", StringComparison.Ordinal)
            || !int.TryParse(header.AsSpan(Header.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new ClienteleInputException(name, 1, 1, Messages.BundleDamaged + $" (expected '{Header} <version>')");
        }

        if (version > FormatVersion)
        {
            throw new ClienteleInputException(name, 1, 1, Messages.BundleVersion(version, FormatVersion, FormatVersion));
        }

        byte[] key;
        try
        {
            key = Convert.FromHexString(r.ReadLine() ?? string.Empty);
        }
        catch (FormatException e)
        {
            throw new ClienteleInputException(name, 2, 1, Messages.BundleDamaged + " (expected the hex key)", e);
        }

        var hashes = new HashSet<ulong>();
        var line = 2;
        while (r.ReadLine() is { } text)
        {
            line++;
            if (!ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var h))
            {
                throw new ClienteleInputException(name, line, 1, Messages.BundleDamaged + " (expected one 16-digit hex hash per line)");
            }

            hashes.Add(h);
        }

        return new TrainingMembers(key, hashes);
    }

    private static ulong Hash(byte[] key, string clientId) =>
        BinaryPrimitives.ReadUInt64BigEndian(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(clientId)));
}
