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
        try
        {
            using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (r.ReadUInt32() != Magic)
            {
                throw new InvalidDataException("not a saved concept matcher");
            }

            if (r.ReadInt32() != FormatVersion || r.ReadString() != lexicon.Fingerprint || r.ReadUInt64() != TablesDigest.Value)
            {
                return null;
            }

            var patternCount = r.ReadInt32();
            var denseCount = r.ReadInt32();
            var alphabet = new char[Count(r)];
            for (var k = 0; k < alphabet.Length; k++)
            {
                alphabet[k] = (char)r.ReadUInt16();
            }

            var rootNext = ReadInts(r);
            var nodes = new Node[Count(r)];
            for (var i = 0; i < nodes.Length; i++)
            {
                nodes[i] = new Node { First = r.ReadInt32(), Fail = r.ReadInt32(), Report = r.ReadInt32(), Count = r.ReadUInt16(), Char = (char)r.ReadUInt16() };
            }

            var edges = new ulong[Count(r)];
            for (var i = 0; i < edges.Length; i++)
            {
                edges[i] = r.ReadUInt64();
            }

            var reports = new Report[Count(r)];
            for (var i = 0; i < reports.Length; i++)
            {
                reports[i] = new Report(r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadBoolean(), r.ReadBoolean(), r.ReadInt32());
            }

            var aliasOrder = new (int Concept, int Alias)[Count(r)];
            for (var i = 0; i < aliasOrder.Length; i++)
            {
                aliasOrder[i] = (r.ReadInt32(), r.ReadInt32());
            }

            Check(denseCount <= nodes.Length && rootNext.Length == alphabet.Length && aliasOrder.Length == patternCount);
            var matcher = new ConceptMatcher(lexicon, alphabet, rootNext,
                DenseRows(nodes, edges, rootNext, denseCount, Defaults.MatcherDenseWidth), denseCount, nodes, edges, reports, patternCount);
            matcher.IndexAliases(aliasOrder);
            matcher._foldRanges = true;
            if (cues is not null)
            {
                matcher._cues = cues;
                matcher._cueMatcher = BuildAutomaton(cues.Lexicon);
            }

            return matcher;
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IndexOutOfRangeException or ArgumentOutOfRangeException or OverflowException)
        {
            throw new ClienteleInputException(source, null, null, Messages.BundleDamaged + $" ({source}: {e.Message})", e);
        }
    }

    private static int Count(BinaryReader r)
    {
        var n = r.ReadInt32();
        Check(n >= 0 && n <= r.BaseStream.Length);
        return n;
    }

    private static void Check(bool condition)
    {
        if (!condition)
        {
            throw new InvalidDataException("the saved automaton is inconsistent");
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

    private static int[] ReadInts(BinaryReader r)
    {
        var values = new int[Count(r)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = r.ReadInt32();
        }

        return values;
    }
}
