using System.Buffers.Binary;
using System.Text;
using Clientele.Core.Errors;
using Clientele.Core.Lexicon;
using Clientele.Core.Text;

namespace Clientele.Core.Concepts;

/// <summary>
/// The compiled automaton as bytes, so a bundle loads its matcher instead of building it (the build of a
/// 30,000-alias lexicon was the longest step of a short scoring run, docs/BENCHMARKS.md). Only what the build
/// computes from the whole trie is stored (alphabet, nodes, edges, reports, the root's row); the dense rows, the
/// char table and the alias index are filled from those the way the build fills them. The negation cues' small
/// automaton is built, not stored.
/// </summary>
public sealed partial class ConceptMatcher
{
    /// <summary>Version of the saved automaton written by this build.</summary>
    public const int FormatVersion = 1;

    private const uint Magic = 0x414D4C43; // "CLMA", little-endian

    // What a saved automaton depends on besides the lexicon: the folding and boundary tables of this build. A
    // different build of Clientele with other tables builds the matcher again instead of loading a stale one.
    private static readonly Lazy<ulong> TablesDigest = new(() =>
    {
        var folds = new byte[(char.MaxValue + 1) * 2];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            BitConverter.TryWriteBytes(folds.AsSpan(c * 2), TextFolder.Fold((char)c));
        }

        var boundary = new byte[BoundaryTable.Value.Length * 8];
        Buffer.BlockCopy(BoundaryTable.Value, 0, boundary, 0, boundary.Length);
        var parameters = BitConverter.GetBytes((Defaults.MatcherDenseWidth << 16) | (Defaults.MatcherDenseDepth << 8) | Defaults.MatcherLinearEdges);
        return StableHash.Of(parameters, StableHash.Of(boundary, StableHash.Of(folds)));
    });

    /// <summary>Writes the automaton (little-endian, versioned, tied to its lexicon's fingerprint and this build's tables).</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(Lexicon.Fingerprint);
        w.Write(TablesDigest.Value);
        w.Write(_patternCount);
        w.Write(_denseCount);
        w.Write(_alphabet.Length);
        foreach (var c in _alphabet)
        {
            w.Write((ushort)c);
        }

        WriteInts(w, _rootNext);
        w.Write(_nodes.Length);
        foreach (var n in _nodes)
        {
            w.Write(n.First);
            w.Write(n.Fail);
            w.Write(n.Report);
            w.Write(n.Count);
            w.Write((ushort)n.Char);
        }

        w.Write(_edges.Length);
        foreach (var e in _edges)
        {
            w.Write(e);
        }

        w.Write(_reports.Length);
        foreach (var r in _reports)
        {
            w.Write(r.Concept);
            w.Write(r.Alias);
            w.Write(r.Length);
            w.Write(r.StartBoundary);
            w.Write(r.EndBoundary);
            w.Write(r.Next);
        }

        // The alias index in build order: a folded alias shared by two concepts keeps the first.
        w.Write(_aliasOrder.Length);
        foreach (var (concept, alias) in _aliasOrder)
        {
            w.Write(concept);
            w.Write(alias);
        }
    }

    /// <summary>
    /// Reads an automaton saved by <see cref="Save"/> for <paramref name="lexicon"/>, with <paramref name="cues"/> as
    /// <see cref="Build(ConceptLexicon, NegationCues?)"/> would; null when it was saved by another format version,
    /// for another lexicon or with other folding tables (the caller then builds it: the result is the same, only
    /// slower). Bytes that do not read as an automaton are a <see cref="ClienteleInputException"/> naming <paramref name="source"/>.
    /// </summary>
    public static ConceptMatcher? Load(Stream stream, ConceptLexicon lexicon, NegationCues? cues, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(lexicon);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var saved = ReadSaved(buffer.ToArray(), source);
        return saved is null ? null : FromSaved(saved, lexicon, cues);
    }

    /// <summary>
    /// The first half of <see cref="Load(Stream, ConceptLexicon, NegationCues?, string)"/>, which needs no lexicon, so
    /// a bundle reads it while its lexicon is parsed; null for another format version or other folding tables.
    /// </summary>
    internal static Saved? ReadSaved(byte[] bytes, string source)
    {
        try
        {
            var r = new SpanReader(bytes);
            if (r.UInt32() != Magic)
            {
                throw new InvalidDataException("not a saved concept matcher");
            }

            if (r.Int32() != FormatVersion)
            {
                return null;
            }

            var fingerprint = r.String();
            if (r.UInt64() != TablesDigest.Value)
            {
                return null;
            }

            var patternCount = r.Int32();
            var denseCount = r.Int32();
            var alphabet = new char[r.Count()];
            for (var k = 0; k < alphabet.Length; k++)
            {
                alphabet[k] = (char)r.UInt16();
            }

            var rootNext = new int[r.Count()];
            for (var i = 0; i < rootNext.Length; i++)
            {
                rootNext[i] = r.Int32();
            }

            var nodes = new Node[r.Count()];
            for (var i = 0; i < nodes.Length; i++)
            {
                nodes[i] = new Node { First = r.Int32(), Fail = r.Int32(), Report = r.Int32(), Count = r.UInt16(), Char = (char)r.UInt16() };
            }

            var edges = new ulong[r.Count()];
            for (var i = 0; i < edges.Length; i++)
            {
                edges[i] = r.UInt64();
            }

            var reports = new Report[r.Count()];
            for (var i = 0; i < reports.Length; i++)
            {
                reports[i] = new Report(r.Int32(), r.Int32(), r.Int32(), r.Boolean(), r.Boolean(), r.Int32());
            }

            var aliasOrder = new (int Concept, int Alias)[r.Count()];
            for (var i = 0; i < aliasOrder.Length; i++)
            {
                aliasOrder[i] = (r.Int32(), r.Int32());
            }

            Check(denseCount <= nodes.Length && rootNext.Length == alphabet.Length && aliasOrder.Length == patternCount && r.AtEnd);
            return new Saved(fingerprint, patternCount, denseCount, alphabet, rootNext, nodes, edges, reports, aliasOrder);
        }
        catch (Exception e) when (e is InvalidDataException or IndexOutOfRangeException or ArgumentOutOfRangeException or OverflowException)
        {
            throw new ClienteleInputException(source, null, null, Messages.BundleDamaged + $" ({source}: {e.Message})", e);
        }
    }

    /// <summary>The second half: the matcher of <paramref name="saved"/> for <paramref name="lexicon"/>, or null when it was saved for another.</summary>
    internal static ConceptMatcher? FromSaved(Saved saved, ConceptLexicon lexicon, NegationCues? cues)
    {
        if (!string.Equals(saved.LexiconFingerprint, lexicon.Fingerprint, StringComparison.Ordinal))
        {
            return null;
        }

        var matcher = new ConceptMatcher(lexicon, saved.Alphabet, saved.RootNext,
            DenseRows(saved.Nodes, saved.Edges, saved.RootNext, saved.DenseCount, Defaults.MatcherDenseWidth), saved.DenseCount, saved.Nodes, saved.Edges, saved.Reports, saved.PatternCount);
        matcher.IndexAliases(saved.AliasOrder);
        return matcher.Completed(cues);
    }

    private static void Check(bool condition)
    {
        if (!condition)
        {
            throw new InvalidDataException("the saved automaton is inconsistent");
        }
    }

    /// <summary>A saved automaton read back, not yet bound to its lexicon.</summary>
    internal sealed record Saved(string LexiconFingerprint, int PatternCount, int DenseCount, char[] Alphabet, int[] RootNext, Node[] Nodes, ulong[] Edges,
        Report[] Reports, (int Concept, int Alias)[] AliasOrder);

    /// <summary>Little-endian reads of what <see cref="BinaryWriter"/> wrote, straight from the part's bytes.</summary>
    private ref struct SpanReader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public readonly bool AtEnd => _at == _bytes.Length;

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

        public ulong UInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

        public ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

        public bool Boolean() => Take(1)[0] != 0;

        /// <summary>A count of items that follow: never more than the bytes left.</summary>
        public int Count()
        {
            var n = Int32();
            Check(n >= 0 && n <= _bytes.Length - _at);
            return n;
        }

        /// <summary>A string as BinaryWriter writes it: its UTF-8 length in 7-bit groups, then the bytes.</summary>
        public string String()
        {
            var length = 0;
            for (var shift = 0; ; shift += 7)
            {
                Check(shift < 35);
                var b = Take(1)[0];
                length |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    break;
                }
            }

            Check(length >= 0 && length <= _bytes.Length - _at);
            return Encoding.UTF8.GetString(Take(length));
        }

        private ReadOnlySpan<byte> Take(int n)
        {
            if (n > _bytes.Length - _at)
            {
                throw new InvalidDataException("the saved automaton ends early");
            }

            var span = _bytes.Slice(_at, n);
            _at += n;
            return span;
        }
    }

    private static void WriteInts(BinaryWriter w, int[] values)
    {
        w.Write(values.Length);
        foreach (var v in values)
        {
            w.Write(v);
        }
    }
}
