using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Clientele.Core.Lexicon;
using Clientele.Core.Text;

namespace Clientele.Core.Concepts;

/// <summary>
/// Finds every concept of a lexicon in a note in one pass: an Aho–Corasick automaton over folded text
/// (<see cref="TextFolder"/>), leftmost-longest non-overlapping matches, word boundaries required at the
/// ends of an alias written in a spaced script and not for CJK/Hangul. Built once, then thread-safe.
/// </summary>
public sealed partial class ConceptMatcher
{
    private const int Root = 0;

    // Hot loop layout, measured on the sample notes: one table maps a raw char straight to a symbol, the rank of
    // its folded char among alias chars by frequency, or to _notInAlphabet (a char no alias contains): the
    // automaton is then back at the root with no edge walk;
    // the root and the shallow nodes reached by common symbols have a dense row of full transitions (failure
    // links resolved) over the first symbols: with a large lexicon the automaton sits at depth 1-5 most of the
    // time, and a failure walk there took several mispredicted branches per char;
    // a node's edge range, failure link and first reportable node sit in one struct (one cache line per
    // visit instead of four arrays); edges pack (symbol, target) into one ulong, scanned or hashed by node width.
    private readonly char _notInAlphabet;

    // Fibonacci hashing of a char into a wide node's table; a slot no real edge can equal (target -1) marks empty.
    private const uint HashMultiplier = 0x9E3779B1u;
    private const ulong EmptySlot = ulong.MaxValue;
    private readonly char[] _foldIn;     // raw char → symbol of its folded char, or _notInAlphabet
    private readonly int[] _rootNext;    // transitions of the root on every symbol
    private readonly int[] _dense;       // full transitions of the first nodes on the first symbols, row by row
    private readonly int _denseCount;    // nodes 0 .. _denseCount - 1 have a row in _dense
    private readonly int _denseWidth;
    private readonly Node[] _nodes;
    private readonly ulong[] _edges;     // (symbol << 32) | target: sorted by symbol for narrow nodes, hashed for wide ones
    private readonly Report[] _reports;  // one per node where an alias ends, chained along the failure links
    private readonly ulong[] _boundary;  // 64K-bit table of TextFolder.IsBoundary (a Unicode category lookup otherwise)
    private readonly int _patternCount;
    private readonly Dictionary<string, (int Concept, int Alias)> _byFoldedAlias = new(StringComparer.Ordinal);
    private readonly char[] _alphabet;   // the alias chars by symbol (what a saved automaton stores of the char table)
    private (int Concept, int Alias)[] _aliasOrder = []; // the distinct folded aliases' (concept, alias), in build order
    private NegationCues? _cues;
    private ConceptMatcher? _cueMatcher;
    private bool _foldRanges;

    private ConceptMatcher(ConceptLexicon lexicon, char[] alphabet, int[] rootNext, int[] dense, int denseCount,
        Node[] nodes, ulong[] edges, Report[] reports, int patternCount)
    {
        Lexicon = lexicon;
        _alphabet = alphabet;
        _notInAlphabet = (char)alphabet.Length;
        _foldIn = FoldIn(SymbolOf(alphabet));
        _rootNext = rootNext;
        _dense = dense;
        _denseCount = denseCount;
        _denseWidth = Defaults.MatcherDenseWidth;
        _nodes = nodes;
        _edges = edges;
        _reports = reports;
        _patternCount = patternCount;
        _boundary = BoundaryTable.Value;
    }

    // The same for every lexicon: built once per process, not once per matcher (a Unicode category lookup per char).
    private static readonly Lazy<ulong[]> BoundaryTable = new(() =>
    {
        var table = new ulong[(char.MaxValue + 1) / 64];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (TextFolder.IsBoundary((char)c))
            {
                table[c >> 6] |= 1UL << (c & 63);
            }
        }

        return table;
    });

    public ConceptLexicon Lexicon { get; }

    /// <summary>Number of distinct folded aliases in the automaton.</summary>
    public int PatternCount => _patternCount;

    /// <summary>
    /// Builds the automaton from every alias of every concept (first concept wins a shared alias), with the
    /// built-in negation cues (<see cref="NegationCues.LoadBuiltin"/>).
    /// </summary>
    /// <remarks>
    /// Built once per lexicon object and process: training reads its notes with the lexicon's matcher and then saves
    /// that matcher in the bundle, and a lexicon is never changed once made.
    /// </remarks>
    public static ConceptMatcher Build(ConceptLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        return Built.GetValue(lexicon, l => new Lazy<ConceptMatcher>(() => Build(l, NegationCues.LoadBuiltin()))).Value;
    }

    private static readonly ConditionalWeakTable<ConceptLexicon, Lazy<ConceptMatcher>> Built = [];

    /// <summary>Builds the automaton; <paramref name="cues"/> null detects no negation (every match positive).</summary>
    public static ConceptMatcher Build(ConceptLexicon lexicon, NegationCues? cues) => BuildAutomaton(lexicon).Completed(cues);

    /// <summary>This automaton as a full matcher: ranges folded, negation detected with <paramref name="cues"/> (none when null).</summary>
    private ConceptMatcher Completed(NegationCues? cues)
    {
        _foldRanges = true;
        if (cues is not null)
        {
            _cues = cues;
            _cueMatcher = BuildAutomaton(cues.Lexicon);
        }

        return this;
    }

    /// <summary>The automaton alone (no range folding, no negation): what the reference scan is compared with.</summary>
    internal static ConceptMatcher BuildAutomaton(ConceptLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        var builder = new TrieBuilder();
        var patterns = new List<Pattern>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < lexicon.Concepts.Count; c++)
        {
            var aliases = lexicon.Concepts[c].Aliases;
            for (var a = 0; a < aliases.Count; a++)
            {
                var folded = TextFolder.Fold(aliases[a].Trim());
                if (folded.Length == 0 || !seen.Add(folded))
                {
                    continue;
                }

                builder.Add(folded, patterns.Count);
                patterns.Add(new Pattern(c, a, folded.Length,
                    !TextFolder.IsUnspacedScript(folded[0]) && TextFolder.IsWordChar(folded[0]),
                    !TextFolder.IsUnspacedScript(folded[^1]) && TextFolder.IsWordChar(folded[^1])));
            }
        }

        var matcher = builder.Compile(lexicon, patterns.ToArray());
        matcher.IndexAliases([.. patterns.Select(p => (p.Concept, p.Alias))]);
        return matcher;
    }

    /// <summary>Fills the folded-alias index from the (concept, alias) of each distinct folded alias, in build order.</summary>
    private void IndexAliases((int Concept, int Alias)[] order)
    {
        _aliasOrder = order;
        foreach (var (concept, alias) in order)
        {
            _byFoldedAlias.TryAdd(TextFolder.Fold(Lexicon.Concepts[concept].Aliases[alias].Trim()), (concept, alias));
        }
    }

    /// <summary>The negation cues applied, or null when negation is not detected.</summary>
    public NegationCues? Cues => _cues;

    /// <summary>Matches of one note, leftmost-longest, in text order; negated ones flagged.</summary>
    public List<ConceptMatch> Match(string text)
    {
        var result = new List<ConceptMatch>();
        Match(text, result, new List<ConceptMatch>());
        return result;
    }

    /// <summary>
    /// Appends the matches of <paramref name="text"/> to <paramref name="output"/>; <paramref name="scratch"/>
    /// is a reusable buffer so a batch makes no allocation per note once warmed. The upper bound of a stated range
    /// is not a second amount ("Budget 5-10K" is one budget, not also "10k"), and a match governed by a negation
    /// cue is flagged <see cref="ConceptMatch.Negated"/>.
    /// </summary>
    public void Match(ReadOnlySpan<char> text, List<ConceptMatch> output, List<ConceptMatch> scratch)
    {
        scratch.Clear();
        ref var foldBase = ref MemoryMarshal.GetArrayDataReference(_foldIn);
        var notInAlphabet = _notInAlphabet;
        var dense = _dense;
        var denseCount = _denseCount;
        var width = _denseWidth;
        var nodes = _nodes;
        var reports = _reports;
        var state = Root;
        for (var i = 0; i < text.Length; i++)
        {
            // foldIn covers every char value, so the lookup needs no bounds check.
            var c = Unsafe.Add(ref foldBase, text[i]);
            if (c == notInAlphabet)
            {
                // No alias holds this char: every failure chain ends at the root, where nothing is reported.
                state = Root;
                continue;
            }

            if (state < denseCount && c < width)
            {
                // Root and shallow nodes on common chars: one lookup, failure links already resolved.
                state = dense[state * width + c];
            }
            else
            {
                // The common step, one child and it matches, is taken here without a call.
                ref readonly var at = ref nodes[state];
                state = at.Count == 1 && at.Char == c ? at.First : Next(nodes, state, c);
            }

            var node = nodes[state].Report;
            while (node >= 0)
            {
                ref readonly var p = ref reports[node];
                var end = i + 1;
                var start = end - p.Length;
                if ((!p.StartBoundary || start == 0 || IsBoundary(text[start - 1]))
                    && (!p.EndBoundary || end == text.Length || IsBoundary(text[end])))
                {
                    scratch.Add(new ConceptMatch(p.Concept, p.Alias, start, end));
                }

                node = p.Next;
            }
        }

        var from = output.Count;
        SelectLeftmostLongest(scratch, output);
        if (_foldRanges)
        {
            FoldRanges(text, output, from);
        }

        MarkNegated(text, output, from);
    }

    private bool IsBoundary(char c) => (_boundary[c >> 6] & (1UL << (c & 63))) != 0;

    private static void SelectLeftmostLongest(List<ConceptMatch> candidates, List<ConceptMatch> output)
    {
        if (candidates.Count == 0)
        {
            return;
        }

        // Candidates come in end order, so they are nearly sorted by start already: an insertion sort is
        // close to linear here and beat List.Sort on the sample notes. Two candidates never share both start
        // and end (aliases are distinct), so any correct sort yields the same order.
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(candidates);
        for (var i = 1; i < span.Length; i++)
        {
            var x = span[i];
            var j = i - 1;
            while (j >= 0 && Before(x, span[j]))
            {
                span[j + 1] = span[j];
                j--;
            }

            span[j + 1] = x;
        }

        var covered = -1;
        foreach (var m in candidates)
        {
            if (m.Start >= covered)
            {
                output.Add(m);
                covered = m.End;
            }
        }
    }

    /// <summary>Leftmost first, then longest.</summary>
    private static bool Before(ConceptMatch a, ConceptMatch b) => a.Start != b.Start ? a.Start < b.Start : a.End > b.End;

    private int Next(Node[] nodes, int state, char c)
    {
        var edges = _edges;
        while (true)
        {
            if (state < _denseCount && c < _denseWidth)
            {
                return _dense[state * _denseWidth + c];
            }

            if (state == Root)
            {
                return _rootNext[c];
            }

            ref readonly var n = ref nodes[state];
            if (n.Count == 1)
            {
                // Most nodes deep in the trie have one child: its edge lives in the node, no second cache miss.
                if (n.Char == c)
                {
                    return n.First;
                }
            }
            else if (n.Count <= Defaults.MatcherLinearEdges)
            {
                var to = n.First + n.Count;
                for (var e = n.First; e < to; e++)
                {
                    var edge = edges[e];
                    if ((char)(edge >> 32) == c)
                    {
                        return (int)(uint)edge;
                    }
                }
            }
            else
            {
                // Wider nodes hold an open-addressing table of 2^Char slots: one or two probes, where a scan or a
                // binary search over their edges mispredicted on almost every step.
                var bits = n.Char;
                var mask = (1 << bits) - 1;
                for (var h = (int)((c * HashMultiplier) >> (32 - bits)); ; h = (h + 1) & mask)
                {
                    var edge = edges[n.First + h];
                    if (edge == EmptySlot)
                    {
                        break;
                    }

                    if ((char)(edge >> 32) == c)
                    {
                        return (int)(uint)edge;
                    }
                }
            }

            state = n.Fail;
        }
    }

    /// <summary>A trie node in the compiled automaton.</summary>
    internal struct Node
    {
        public int First;    // the only child when Count is 1, else the first of Count edges in _edges
        public int Fail;
        public int Report;   // first entry of _reports to report at this node (its own pattern, else its output link's), or -1
        // ushort keeps a node at 16 bytes, so no node straddles a cache line; a node has at most one child per char.
        public ushort Count; // number of children
        public char Char;    // the only child's symbol when Count is 1; log2 of the edge table's size when Count is above Defaults.MatcherLinearEdges
    }

    private readonly record struct Pattern(int Concept, int Alias, int Length, bool StartBoundary, bool EndBoundary);

    /// <summary>
    /// A pattern to report where it ends, and the next report on the failure chain (-1 at the end): one struct
    /// read per report instead of a pattern index, the pattern and an output link in three arrays.
    /// </summary>
    internal readonly record struct Report(int Concept, int Alias, int Length, bool StartBoundary, bool EndBoundary, int Next);
}
