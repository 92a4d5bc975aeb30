using Clientele.Core.Lexicon;
using Clientele.Core.Text;

namespace Clientele.Core.Concepts;

/// <summary>The automaton's builder, apart from the matching loop so each file stays readable.</summary>
public sealed partial class ConceptMatcher
{
    /// <summary>Trie with dictionary edges while building, compiled to flat arrays with failure links.</summary>
    private sealed class TrieBuilder
    {
        private readonly List<Dictionary<char, int>> _children = [new()];
        private readonly List<int> _output = [-1];
        private readonly int[] _charCounts = new int[char.MaxValue + 1];

        public void Add(string folded, int pattern)
        {
            var node = Root;
            foreach (var ch in folded)
            {
                _charCounts[ch]++;
                if (!_children[node].TryGetValue(ch, out var next))
                {
                    next = _children.Count;
                    _children.Add(new Dictionary<char, int>());
                    _output.Add(-1);
                    _children[node][ch] = next;
                }

                node = next;
            }

            _output[node] = pattern;
        }

        public ConceptMatcher Compile(ConceptLexicon lexicon, Pattern[] patterns)
        {
            // Symbols: alias chars numbered by frequency in the aliases, so the chars notes are mostly made of
            // (Latin letters, digits, space) are the first DenseWidth symbols, the columns of the dense rows.
            var alphabet = Enumerable.Range(0, _charCounts.Length).Where(c => _charCounts[c] > 0)
                .OrderByDescending(c => _charCounts[c]).ThenBy(c => c).Select(c => (char)c).ToArray();
            var notInAlphabet = (char)alphabet.Length;
            var symbolOf = new char[char.MaxValue + 1];
            Array.Fill(symbolOf, notInAlphabet);
            for (var k = 0; k < alphabet.Length; k++)
            {
                symbolOf[alphabet[k]] = (char)k;
            }

            var width = Defaults.MatcherDenseWidth;
            var n = _children.Count;
            var fail = new int[n];
            var outputLink = new int[n];
            Array.Fill(outputLink, -1);

            // Breadth-first: a node's failure link is known before its children's.
            var depth = new int[n];
            var common = new bool[n]; // reached from the root by symbols below DenseWidth only
            common[Root] = true;
            var breadthFirst = new List<int>(n) { Root };
            var queue = new Queue<int>();
            foreach (var (ch, child) in _children[Root])
            {
                fail[child] = Root;
                depth[child] = 1;
                common[child] = symbolOf[ch] < width;
                queue.Enqueue(child);
            }

            while (queue.Count > 0)
            {
                var node = queue.Dequeue();
                breadthFirst.Add(node);
                foreach (var (ch, child) in _children[node])
                {
                    var f = fail[node];
                    int target;
                    while (true)
                    {
                        if (_children[f].TryGetValue(ch, out target))
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
                    queue.Enqueue(child);
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
            foreach (var (ch, child) in _children[Root])
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
                var children = _children[old];
                var count = old == Root ? 0 : children.Count;
                nodes[i].Count = (ushort)count;
                if (count == 1)
                {
                    var (ch, child) = children.First();
                    nodes[i].First = renumber[child];
                    nodes[i].Char = symbolOf[ch];
                }
                else if (count <= Defaults.MatcherLinearEdges)
                {
                    nodes[i].First = edges.Count;
                    foreach (var (ch, child) in children.OrderBy(kv => symbolOf[kv.Key]))
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
                    foreach (var (ch, child) in children)
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

            // Dense rows: the full transition (failure links resolved) on each common symbol, filled in
            // breadth-first order so the row of a node's failure link is complete before the node's.
            var dense = new int[denseCount * width];
            foreach (var old in breadthFirst)
            {
                var i = renumber[old];
                if (i >= denseCount)
                {
                    continue;
                }

                // A row is its failure link's row with the node's own edges written over it (the root's row is its
                // edges over "back to the root"); copying keeps the build cheap, a process may run only one note.
                var row = dense.AsSpan(i * width, width);
                if (old != Root)
                {
                    dense.AsSpan(renumber[fail[old]] * width, width).CopyTo(row);
                }

                foreach (var (ch, child) in _children[old])
                {
                    if (symbolOf[ch] < width)
                    {
                        row[symbolOf[ch]] = renumber[child];
                    }
                }
            }

            // Chars outside every alias map to a symbol outside the alphabet: the automaton goes back to the root.
            var foldIn = new char[char.MaxValue + 1];
            for (var c = 0; c <= char.MaxValue; c++)
            {
                foldIn[c] = symbolOf[TextFolder.Fold((char)c)];
            }

            return new ConceptMatcher(lexicon, notInAlphabet, foldIn, rootNext, dense, denseCount, nodes, [.. edges], [.. reports], patterns.Length);
        }
    }
}
