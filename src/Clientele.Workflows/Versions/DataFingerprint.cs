using System.Security.Cryptography;
using System.Text;
using Clientele.Core.Ingest;

namespace Clientele.Workflows.Versions;

/// <summary>
/// The one data fingerprint recorded in bundles, so a model can be traced to the data it learned from: the
/// SHA-256 of the SHA-256 of each input in order (notes, then labels). An input is the bytes of a file or of
/// an upload — so the same notes.csv gives the same fingerprint through the CLI and the API — or, for notes
/// read back from the store, their records (client, date, text).
/// </summary>
public static class DataFingerprint
{
    private const string FieldSeparator = "\u001f";
    private const string RecordSeparator = "\u001e";

    /// <summary>The fingerprint of the given inputs' digests; a missing input (null) is skipped.</summary>
    public static string Of(params byte[]?[] digests)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var digest in digests)
        {
            if (digest is not null)
            {
                hash.AppendData(digest);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The digest of an input read from a stream (a file).</summary>
    public static byte[] Digest(Stream input) => SHA256.HashData(input);

    /// <summary>The digest of an input held in memory (an upload).</summary>
    public static byte[] Digest(byte[] input) => SHA256.HashData(input);

    /// <summary>The digest of notes that have no file of their own (read back from the store).</summary>
    public static byte[] Digest(IEnumerable<Note> notes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var n in notes)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(n.ClientId + FieldSeparator + n.Date + FieldSeparator + n.Text + RecordSeparator));
        }

        return hash.GetHashAndReset();
    }
}
