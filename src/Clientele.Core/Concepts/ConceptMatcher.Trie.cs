using Clientele.Core.Lexicon;
using Clientele.Core.Text;

namespace Clientele.Core.Concepts;

/// <summary>The automaton's builder, apart from the matching loop so each file stays readable.</summary>
public sealed partial class ConceptMatcher
{
    /// <summary>
    /// Trie with flat edge lists while building (one dictionary keyed on node and char for lookups, a linked list
    /// per node in insertion order for walks), compiled to flat arrays with failure links. A dictionary per node
    /// was most of the build (hundreds of thousands of small objects): a process that scores a few notes paid it.
    /// </summary>
    private sealed class TrieBuilder
    {
        private readonly Dictionary<long, int> _child = [];
        private readonly List<int> _output = [-1];
        private readonly List<int> _firstEdge = [-1];
        private readonly List<int> _lastEdge = [-1];
        private readonly List<Edge> _edgeList = [];
        private readonly int[] _charCounts = new int[char.MaxValue + 1];
        private readonly int[] _rootChild = NewRootChildren(); // most lookups (every failure walk ends there) are the root's

        private int NodeCount => _output.Count;

        private static long Key(int node, char ch) => ((long)node << 16) | ch;

        private static int[] NewRootChildren()
        {
            var children = new int[char.MaxValue + 1];
            Array.Fill(children, -1);
            return children;
        }

        private bool TryChild(int node, char ch, out int child)
        {
            if (node == Root)
            {
                child = _rootChild[ch];
                return child >= 0;
            }

            return _child.TryGetValue(Key(node, ch), out child);
        }

        /// <summary>The children of <paramref name="node"/> in the order they were added, into <paramref name="into"/>.</summary>
        private void Children(int node, List<(char Char, int Child)> into)
        {
            into.Clear();
            for (var e = _firstEdge[node]; e >= 0; e = _edgeList[e].Next)
            {
                into.Add((_edgeList[e].Char, _edgeList[e].Child));
            }
        }

        public void Add(string folded, int pattern)
        {
            var node = Root;
            foreach (var ch in folded)
            {
                _charCounts[ch]++;
                if (!TryChild(node, ch, out var next))
                {
                    next = NodeCount;
                    _output.Add(-1);
                    _firstEdge.Add(-1);
                    _lastEdge.Add(-1);
                    if (node == Root)
                    {
                        _rootChild[ch] = next;
                    }
                    else
                    {
                        _child[Key(node, ch)] = next;
                    }

                    var edge = _edgeList.Count;
                    _edgeList.Add(new Edge(ch, next, -1));
                    if (_lastEdge[node] >= 0)
                    {
                        _edgeList[_lastEdge[node]] = _edgeList[_lastEdge[node]] with { Next = edge };
                    }
                    else
                    {
                        _firstEdge[node] = edge;
                    }

                    _lastEdge[node] = edge;
                }

                node = next;
            }

            _output[node] = pattern;
        }

        private readonly record struct Edge(char Char, int Child, int Next);

        public ConceptMatcher Compile(ConceptLexicon lexicon, Pattern[] patterns)
        {
            // Symbols: alias chars numbered by frequency in the aliases, so the chars notes are mostly made of
            // (Latin letters, digits, space) are the first DenseWidth symbols, the columns of the dense rows.
            var alphabet = Enumerable.Range(0, _charCounts.Length).Where(c => _charCounts[c] > 0)
                .OrderByDescending(c => _charCounts[c]).ThenBy(c => c).Select(c => (char)c).ToArray();
            var symbolOf = SymbolOf(alphabet);

            var width = Defaults.MatcherDenseWidth;
            var n = NodeCount;
            var fail = new int[n];
            var outputLink = new int[n];
            Array.Fill(outputLink, -1);

            // Breadth-first: a node's failure link is known before its children's.
            var depth = new int[n];
            var common = new bool[n]; // reached from the root by symbols below DenseWidth only
            common[Root] = true;
            // The breadth-first list is its own queue: a node is appended when its parent is visited.
            var breadthFirst = new List<int>(n) { Root };
            var kids = new List<(char Char, int Child)>();
            Children(Root, kids);
            foreach (var (ch, child) in kids)
            {
                fail[child] = Root;
                depth[child] = 1;
                common[child] = symbolOf[ch] < width;
                breadthFirst.Add(child);
            }

            for (var visit = 1; visit < breadthFirst.Count; visit++)
            {
                var node = breadthFirst[visit];
                Children(node, kids);
                foreach (var (ch, child) in kids)
                {
                    var f = fail[node];
                    int target;
                    while (true)
                    {
                        if (TryChild(f, ch, out target))
                        {
                            break;
                        }

                        if (f == Root)
                        {
                            target = Root;
                            break;
                        }

                        f = fail[f];
                    }

                    fail[child] = target == child ? Root : target;
                    outputLink[child] = _output[fail[child]] >= 0 ? fail[child] : outputLink[fail[child]];
                    depth[child] = depth[node] + 1;
                    common[child] = common[node] && symbolOf[ch] < width;
                    breadthFirst.Add(child);
                }
            }

            // Layout: the nodes that get a dense row come first, breadth-first, so a row's index is the node's;
            // the others keep insertion order, so an alias's tail is adjacent (a renumbering fully breadth-first
            // measured slower on the sample notes, 8.2 ms against 6.5 ms). A failure link points to a shorter
            // suffix of the same path, so a dense node's failure link is dense too.
            var maxDepth = Defaults.MatcherDenseDepth;
            var renumber = new int[n];
            var denseCount = 0;
            foreach (var i in breadthFirst)
            {
                if (depth[i] <= maxDepth && common[i])
                {
                    renumber[i] = denseCount++;
                }
            }

            var next = denseCount;
            for (var i = 0; i < n; i++)
            {
                if (!(depth[i] <= maxDepth && common[i]))
                {
                    renumber[i] = next++;
                }
            }

            var rootNext = new int[alphabet.Length];
            Children(Root, kids);
            foreach (var (ch, child) in kids)
            {
                rootNext[symbolOf[ch]] = renumber[child];
            }

            // Reports in node order, so a chain reads forward in memory where it can.
            var reportOf = new int[n];
            Array.Fill(reportOf, -1);
            var reports = new List<Report>();
            var byNewIndex = new int[n];
            for (var old = 0; old < n; old++)
            {
                byNewIndex[renumber[old]] = old;
            }

            foreach (var old in byNewIndex)
            {
                if (_output[old] >= 0)
                {
                    reportOf[old] = reports.Count;
                    reports.Add(default);
                }
            }

            for (var old = 0; old < n; old++)
            {
                if (_output[old] >= 0)
                {
                    var p = patterns[_output[old]];
                    reports[reportOf[old]] = new Report(p.Concept, p.Alias, p.Length, p.StartBoundary, p.EndBoundary,
                        outputLink[old] >= 0 ? reportOf[outputLink[old]] : -1);
                }
            }

            var nodes = new Node[n];
            var edges = new List<ulong>();
            for (var old = 0; old < n; old++)
            {
                var i = renumber[old];
                Children(old, kids);
                var count = old == Root ? 0 : kids.Count;
                nodes[i].Count = (ushort)count;
                if (count == 1)
                {
                    var (ch, child) = kids[0];
                    nodes[i].First = renumber[child];
                    nodes[i].Char = symbolOf[ch];
                }
                else if (count <= Defaults.MatcherLinearEdges)
                {
                    nodes[i].First = edges.Count;
                    // A node has one child per char, so the order by symbol is total (the sort needs no stability).
                    kids.Sort((x, y) => symbolOf[x.Char].CompareTo(symbolOf[y.Char]));
                    foreach (var (ch, child) in kids)
                    {
                        edges.Add(((ulong)symbolOf[ch] << 32) | (uint)renumber[child]);
                    }
                }
                else
                {
                    // At most half full, so a probe sequence is short and always reaches an empty slot.
                    var bits = 1;
                    while ((1 << bits) < 2 * count)
                    {
                        bits++;
                    }

                    nodes[i].First = edges.Count;
                    nodes[i].Char = (char)bits;
                    var mask = (1 << bits) - 1;
                    var table = new ulong[1 << bits];
                    Array.Fill(table, EmptySlot);
                    foreach (var (ch, child) in kids)
                    {
                        var symbol = symbolOf[ch];
                        var h = (int)((symbol * HashMultiplier) >> (32 - bits));
                        while (table[h] != EmptySlot)
                        {
                            h = (h + 1) & mask;
                        }

                        table[h] = ((ulong)symbol << 32) | (uint)renumber[child];
                    }

                    edges.AddRange(table);
                }

                nodes[i].Fail = renumber[fail[old]];
                nodes[i].Report = _output[old] >= 0 ? reportOf[old] : outputLink[old] >= 0 ? reportOf[outputLink[old]] : -1;
            }

            var dense = DenseRows(nodes, [.. edges], rootNext, denseCount, width);

            // Chars outside every alias map to a symbol outside the alphabet: the automaton goes back to the root.
            return new ConceptMatcher(lexicon, alphabet, rootNext, dense, denseCount, nodes, [.. edges], [.. reports], patterns.Length);
        }
    }

    /// <summary>Raw char → symbol of its folded char, or the symbol after the alphabet for a char no alias holds.</summary>
    private static char[] FoldIn(char[] symbolOf)
    {
        var foldIn = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            foldIn[c] = symbolOf[TextFolder.Fold((char)c)];
        }

        return foldIn;
    }

    /// <summary>Char → its symbol (its rank in <paramref name="alphabet"/>), or alphabet.Length for a char outside it.</summary>
    private static char[] SymbolOf(char[] alphabet)
    {
        var symbolOf = new char[char.MaxValue + 1];
        Array.Fill(symbolOf, (char)alphabet.Length);
        for (var k = 0; k < alphabet.Length; k++)
        {
            symbolOf[alphabet[k]] = (char)k;
        }

        return symbolOf;
    }

    /// <summary>
    /// Dense rows: the full transition (failure links resolved) of nodes 0 .. denseCount - 1 on each of the first
    /// <paramref name="width"/> symbols. Dense nodes are numbered breadth-first and a failure link is shallower, so
    /// filling rows in index order finds the row of a node's failure link complete. A row is its failure link's row
    /// with the node's own edges written over it (the root's row is its edges over "back to the root"); copying keeps
    /// the build cheap, a process may run only one note. From the compiled nodes, so a loaded automaton
    /// (<see cref="Load(Stream, ConceptLexicon, NegationCues?, string)"/>) fills them the same way instead of storing them.
    /// </summary>
    private static int[] DenseRows(Node[] nodes, ulong[] edges, int[] rootNext, int denseCount, int width)
    {
        var dense = new int[denseCount * width];
        for (var i = 0; i < denseCount; i++)
        {
            var row = dense.AsSpan(i * width, width);
            if (i == Root)
            {
                for (var symbol = 0; symbol < Math.Min(width, rootNext.Length); symbol++)
                {
                    row[symbol] = rootNext[symbol];
                }

                continue;
            }

            dense.AsSpan(nodes[i].Fail * width, width).CopyTo(row);
            var n = nodes[i];
            if (n.Count == 1)
            {
                if (n.Char < width)
                {
                    row[n.Char] = n.First;
                }
            }
            else
            {
                // A linear run of Count edges, or a hashed table of 2^Char slots with empty ones marked.
                var slots = n.Count <= Defaults.MatcherLinearEdges ? n.Count : 1 << n.Char;
                for (var e = n.First; e < n.First + slots; e++)
                {
                    var edge = edges[e];
                    if (edge != EmptySlot && (int)(edge >> 32) < width)
                    {
                        row[(int)(edge >> 32)] = (int)(uint)edge;
                    }
                }
            }
        }

        return dense;
    }
}
