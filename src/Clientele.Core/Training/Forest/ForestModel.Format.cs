using System.Text;

namespace Clientele.Core.Training.Forest;

/// <summary>The forest's saved form: the versioned binary format, its checksum and the checks a loaded file must pass.</summary>
public sealed partial class ForestModel
{
    /// <summary>
    /// Writes the model: "CLFOREST", format version, feature/tree/node counts, roots, nodes, then an
    /// FNV-1a checksum of everything before it so a damaged file is refused rather than mispredicting.
    /// </summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var body = new MemoryStream();
        using (var w = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
            w.Write(FeatureCount);
            w.Write(_roots.Length);
            w.Write(_nodes.Length);
            foreach (var root in _roots)
            {
                w.Write(root);
            }

            for (var k = 0; k < _nodes.Length; k++)
            {
                w.Write(_nodes[k].Feature);
                w.Write(_nodes[k].Threshold);
                w.Write(_nodes[k].Left);
                w.Write(_nodes[k].Right);
                w.Write(_values[k]);
                w.Write(_cover?[k] ?? 0);
            }
        }

        var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
        stream.Write(bytes);
        Span<byte> hash = stackalloc byte[8];
        BitConverter.TryWriteBytes(hash, Text.StableHash.Of(bytes));
        stream.Write(hash);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">Not a forest model, another format version, truncated, or damaged.</exception>
    public static ForestModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var all = copy.GetBuffer().AsSpan(0, (int)copy.Length);
        const int header = 8 + (4 * 4);
        if (all.Length < header + 8 || !all[..Magic.Length].SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a Clientele forest model: the stream does not start with the CLFOREST header.");
        }

        var version = BitConverter.ToInt32(all[8..12]);
        if (version is < FormatVersionWithoutCover or > FormatVersion)
        {
            throw new InvalidDataException($"Forest model format version {version} is not supported: this build reads versions {FormatVersionWithoutCover} to {FormatVersion}. Retrain the model, or use a newer build for a newer file.");
        }

        var hasCover = version >= 2;

        var body = all[..^8];
        if (BitConverter.ToUInt64(all[^8..]) != Text.StableHash.Of(body))
        {
            throw new InvalidDataException("Forest model is damaged: its checksum does not match its contents.");
        }

        var featureCount = BitConverter.ToInt32(all[12..16]);
        var treeCount = BitConverter.ToInt32(all[16..20]);
        var nodeCount = BitConverter.ToInt32(all[20..24]);
        var nodeBytes = 4 + 4 + 4 + 4 + 8 + (hasCover ? 8 : 0);
        if (featureCount < 1 || treeCount < 1 || nodeCount < treeCount
            || (long)header + (4L * treeCount) + ((long)nodeBytes * nodeCount) != body.Length)
        {
            throw new InvalidDataException("Forest model is damaged: its counts do not match its length.");
        }

        var roots = new int[treeCount];
        var at = header;
        for (var t = 0; t < treeCount; t++, at += 4)
        {
            roots[t] = BitConverter.ToInt32(body[at..]);
        }

        var nodes = new Node[nodeCount];
        var values = new double[nodeCount];
        var cover = hasCover ? new double[nodeCount] : null;
        for (var k = 0; k < nodeCount; k++, at += nodeBytes)
        {
            nodes[k] = new Node(
                BitConverter.ToInt32(body[at..]),
                BitConverter.ToSingle(body[(at + 4)..]),
                BitConverter.ToInt32(body[(at + 8)..]),
                BitConverter.ToInt32(body[(at + 12)..]));
            values[k] = BitConverter.ToDouble(body[(at + 16)..]);
            if (cover is not null)
            {
                cover[k] = BitConverter.ToDouble(body[(at + 24)..]);
            }
        }

        Validate(featureCount, nodes, roots, cover);
        return new ForestModel(featureCount, nodes, values, cover, roots, Environment.ProcessorCount);
    }

    /// <summary>
    /// Structural checks so a crafted or damaged file cannot make prediction loop or index out of range:
    /// children always lie after their parent, so every walk ends at a leaf.
    /// </summary>
    private static void Validate(int featureCount, Node[] nodes, int[] roots, double[]? cover)
    {
        foreach (var root in roots)
        {
            if ((uint)root >= (uint)nodes.Length)
            {
                throw new InvalidDataException("Forest model is damaged: a tree root is out of range.");
            }
        }

        for (var k = 0; k < nodes.Length; k++)
        {
            var node = nodes[k];
            var ok = node.Feature < 0
                || (node.Feature < featureCount && !float.IsNaN(node.Threshold)
                    && node.Left > k && node.Left < nodes.Length && node.Right > k && node.Right < nodes.Length);
            // TreeSHAP divides by a split's cover, so a split must have positive, finite cover.
            if (ok && cover is not null && node.Feature >= 0)
            {
                ok = double.IsFinite(cover[k]) && cover[k] > 0 && cover[node.Left] >= 0 && cover[node.Right] >= 0
                    && cover[node.Left] + cover[node.Right] > 0;
            }

            if (!ok)
            {
                throw new InvalidDataException($"Forest model is damaged: node {k} is malformed.");
            }
        }
    }
}
