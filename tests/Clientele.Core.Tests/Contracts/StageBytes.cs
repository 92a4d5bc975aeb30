using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clientele.Core.Training.Forest;

namespace Clientele.Core.Tests.Contracts;

/// <summary>Saved bytes of stages: capture, digest, and the same bytes with their format version raised by one.</summary>
public static class StageBytes
{
    /// <summary>File extensions whose saved form carries its own format version, and how to age it by one.</summary>
    private static readonly Dictionary<string, Func<byte[], byte[]>> SelfVersioned = new(StringComparer.Ordinal)
    {
        // CLFOREST magic, then the version as a little-endian int.
        ["forest"] = bytes => Patch(bytes, 8, ForestModel.FormatVersion + 1),
        ["json"] = NewerJson,
    };

    /// <summary>
    /// File extensions versioned by the bundle instead (<see cref="Clientele.Core.Bundles.ModelBundle.FormatVersion"/>): ML.NET's zip
    /// keeps its own per-component versions inside, and Clientele's bytes must stay as ML.NET writes them.
    /// </summary>
    public static readonly IReadOnlySet<string> BundleVersioned = new HashSet<string>(StringComparer.Ordinal) { "zip" };

    /// <summary>How to age a saved member by its file extension; null when the bundle versions it instead.</summary>
    public static Func<byte[], byte[]>? Ager(string extension) => SelfVersioned.GetValueOrDefault(extension);

    /// <summary>The extensions whose version the contract can age directly.</summary>
    public static bool IsSelfVersioned(string extension) => SelfVersioned.ContainsKey(extension);

    /// <summary>What <paramref name="save"/> writes.</summary>
    public static byte[] Of(Action<Stream> save)
    {
        using var stream = new MemoryStream();
        save(stream);
        return stream.ToArray();
    }

    private static byte[] Patch(byte[] bytes, int offset, int value)
    {
        var copy = (byte[])bytes.Clone();
        BitConverter.TryWriteBytes(copy.AsSpan(offset, 4), value);
        return copy;
    }

    /// <summary>A JSON state with its <c>format_version</c> raised by one (the featurizer's, and JSON-state learners').</summary>
    public static byte[] NewerJson(byte[] bytes)
    {
        var node = JsonNode.Parse(bytes)!.AsObject();
        node["format_version"] = node["format_version"]!.GetValue<int>() + 1;
        return JsonSerializer.SerializeToUtf8Bytes(node);
    }

    /// <summary>A digest of the values, to prove an input unchanged.</summary>
    public static string Digest(IEnumerable<float> values) =>
        Convert.ToHexString(SHA256.HashData(values.SelectMany(BitConverter.GetBytes).ToArray()));
}
