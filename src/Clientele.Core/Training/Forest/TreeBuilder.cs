namespace Clientele.Core.Training.Forest;

/// <summary>
/// Grows one regression tree at a time on binned features: bootstrap rows as integer weights, then split
/// nodes by the largest weighted variance reduction among a random subset of features, found by scanning
/// (sum of weighted labels, weight, row count) histograms. A builder owns its buffers and is reused by one
/// worker for many trees; everything a tree depends on is reset from its own seed, so trees come out the
/// same whichever worker (and however many workers) builds them.
/// </summary>
internal sealed class TreeBuilder
{
    /// <summary>Splits gaining less than this share of the node's squared error are rounding noise, not signal.</summary>
    private const double MinRelativeGain = 1e-9;

    private readonly BinnedFeatures _data;
    private readonly float[] _labels;
    private readonly TreeSettings _settings;
    private readonly int _n;

    /// <summary>Below this many sparse non-zeros to visit, a node lists its varying features instead of trying all of them.</summary>
    private readonly int _poolWorkLimit;

    // Per row: bootstrap weight, weight × label, and weight and row count packed in one long
    // (weight << 32 | 1) so a histogram bin takes one integer add for both.
    private readonly int[] _weight;
    private readonly double[] _weightedLabel;
    private readonly long[] _packed;

    // Per position: in-bag rows grouped by node, with their weighted labels and packed counts kept in the
    // same order so histogram loops read them sequentially.
    private readonly int[] _rows;
    private readonly double[] _rowWeightedLabel;
    private readonly long[] _rowPacked;

    private readonly int[] _nodeOf;
    private readonly int[] _pool;
    private readonly int[] _seen;
    private int _stamp;

    private readonly double[] _histSum = new double[256];
    private readonly long[] _histPacked = new long[256];

    private GrowingNode[] _nodes;
    private int[] _frontier;
    private int _nodeCount;

    public TreeBuilder(BinnedFeatures data, float[] labels, TreeSettings settings)
    {
        _data = data;
        _labels = labels;
        _settings = settings;
        _n = data.Rows;
        _weight = new int[_n];
        _weightedLabel = new double[_n];
        _packed = new long[_n];
        _rows = new int[_n];
        _rowWeightedLabel = new double[_n];
        _rowPacked = new long[_n];
        _nodeOf = new int[_n];
        _pool = new int[data.Features];
        _seen = new int[data.Features];
        _poolWorkLimit = data.Features;

        // A binary tree over at most n rows has at most 2n − 1 nodes.
        _nodes = new GrowingNode[(2 * _n) + 1];
        _frontier = new int[_nodes.Length];
    }

    public GrownTree Grow(int treeIndex)
    {
        var rng = new Random(unchecked(_settings.Seed + treeIndex));
        var inBag = Sample(rng);
        _nodeCount = 1;
        InitNode(0, 0, inBag, 0, rng);

        var frontierCount = 0;
        if (_nodes[0].SplitFeature >= 0)
        {
            _frontier[frontierCount++] = 0;
        }

        var leaves = 1;
        var bestFirst = _settings.MaxLeaves > 0;
        while (frontierCount > 0 && (!bestFirst || leaves < _settings.MaxLeaves))
        {
            var pick = frontierCount - 1;
            if (bestFirst)
            {
                // Linear scan: the frontier holds at most MaxLeaves nodes, a heap would not pay for itself.
                for (var i = frontierCount - 2; i >= 0; i--)
                {
                    if (_nodes[_frontier[i]].Gain > _nodes[_frontier[pick]].Gain)
                    {
                        pick = i;
                    }
                }
            }

            var id = _frontier[pick];
            _frontier[pick] = _frontier[--frontierCount];
            Split(id, rng);
            leaves++;

            var left = _nodes[id].Left;
            if (_nodes[left].SplitFeature >= 0)
            {
                _frontier[frontierCount++] = left;
            }

            if (_nodes[left + 1].SplitFeature >= 0)
            {
                _frontier[frontierCount++] = left + 1;
            }
        }

        return Export();
    }

    /// <summary>After <see cref="Grow"/>: which rows the tree's bootstrap left out (for out-of-bag predictions).</summary>
    public bool[] OutOfBag()
    {
        var result = new bool[_n];
        for (var i = 0; i < _n; i++)
        {
            result[i] = _weight[i] == 0;
        }

        return result;
    }

    /// <summary>Draws the bootstrap as integer weights and lists the in-bag rows; returns how many there are.</summary>
    private int Sample(Random rng)
    {
        if (_settings.Bootstrap)
        {
            Array.Clear(_weight);
            // The same draws as one per row up to the cap, so a training set under it grows the same trees.
            var draws = Math.Min(_n, _settings.MaxSamples);
            for (var k = 0; k < draws; k++)
            {
                _weight[rng.Next(_n)]++;
            }
        }
        else
        {
            Array.Fill(_weight, 1);
        }

        if (_settings.NegativeWeight != 1 || _settings.PositiveWeight != 1)
        {
            for (var i = 0; i < _n; i++)
            {
                _weight[i] *= _labels[i] == 1f ? _settings.PositiveWeight : _settings.NegativeWeight;
            }
        }

        var m = 0;
        for (var i = 0; i < _n; i++)
        {
            if (_weight[i] > 0)
            {
                _nodeOf[i] = 0;
                _weightedLabel[i] = _weight[i] * (double)_labels[i];
                _packed[i] = ((long)_weight[i] << 32) | 1;
                _rows[m] = i;
                _rowWeightedLabel[m] = _weightedLabel[i];
                _rowPacked[m++] = _packed[i];
            }
            else
            {
                _nodeOf[i] = -1;
            }
        }

        return m;
    }

    /// <summary>Fills node <paramref name="id"/>'s statistics over its row range and finds its best split, if any.</summary>
    private void InitNode(int id, int start, int end, int depth, Random rng)
    {
        long weight = 0;
        double sum = 0, squares = 0;
        for (var k = start; k < end; k++)
        {
            weight += _rowPacked[k] >> 32;
            sum += _rowWeightedLabel[k];
            squares += _rowWeightedLabel[k] * _labels[_rows[k]];
        }

        ref var node = ref _nodes[id];
        node = new GrowingNode
        {
            Start = start,
            End = end,
            Depth = depth,
            Weight = weight,
            Sum = sum,
            Value = sum / weight,
            Left = -1,
            SplitFeature = -1,
        };

        var error = squares - (sum * sum / weight);
        var count = end - start;
        if (depth < _settings.MaxDepth && count >= 2 * _settings.MinSamplesLeaf && error > 1e-12 * (squares + 1e-300))
        {
            FindSplit(ref node, id, error * MinRelativeGain, rng);
        }
    }

    private void FindSplit(ref GrowingNode node, int id, double minGain, Random rng)
    {
        var pool = Candidates(node);
        var wanted = _settings.FeaturesPerSplit;
        var minLeaf = _settings.MinSamplesLeaf;
        var count = node.End - node.Start;
        var parentScore = node.Sum * node.Sum / node.Weight;
        var bestGain = minGain;
        var visited = 0;

        // Like scikit-learn, keep drawing past constant features until `wanted` informative ones were tried.
        for (var j = 0; j < pool && visited < wanted; j++)
        {
            var swap = j + rng.Next(pool - j);
            (_pool[j], _pool[swap]) = (_pool[swap], _pool[j]);
            var f = _pool[j];
            var bins = _data.BinCount[f];
            if (bins < 2)
            {
                continue;
            }

            var varies = Histogram(f, id, ref node, count, out var lo, out var hi);
            if (varies)
            {
                visited++;
                double leftSum = 0;
                long leftPacked = 0;

                // Only bins [lo, hi] hold rows: a 10-row node scans ≤ 10 bins, not 64.
                for (var b = lo; b < hi; b++)
                {
                    var packed = _histPacked[b];
                    if (packed == 0)
                    {
                        continue;
                    }

                    leftSum += _histSum[b];
                    leftPacked += packed;
                    var leftCount = (int)leftPacked;
                    if (leftCount < minLeaf)
                    {
                        continue;
                    }

                    if (count - leftCount < minLeaf)
                    {
                        break;
                    }

                    var leftWeight = leftPacked >> 32;
                    var rightSum = node.Sum - leftSum;
                    var gain = (leftSum * leftSum / leftWeight) + (rightSum * rightSum / (node.Weight - leftWeight)) - parentScore;
                    if (gain > bestGain)
                    {
                        bestGain = gain;
                        node.SplitFeature = f;
                        node.SplitBin = b;
                    }
                }
            }

            // Histograms stay all-zero between uses, so only the touched range needs clearing.
            _histSum.AsSpan(lo, hi - lo + 1).Clear();
            _histPacked.AsSpan(lo, hi - lo + 1).Clear();
        }

        node.Gain = node.SplitFeature >= 0 ? bestGain : 0;
    }

    /// <summary>
    /// Fills <c>_pool</c> with the features worth drawing from at this node and returns how many. A small node
    /// lists the dense features plus the sparse features non-zero in at least one of its rows (the others
    /// are constant zero there, and drawing through hundreds of them cost more than the splits themselves);
    /// a large node, where that listing would cost more than it saves, offers every feature.
    /// </summary>
    private int Candidates(in GrowingNode node)
    {
        var rowStart = _data.RowStart;
        long work = 0;
        for (var k = node.Start; k < node.End && work <= _poolWorkLimit; k++)
        {
            var r = _rows[k];
            work += rowStart[r + 1] - rowStart[r];
        }

        if (work > _poolWorkLimit)
        {
            for (var f = 0; f < _pool.Length; f++)
            {
                _pool[f] = f;
            }

            return _pool.Length;
        }

        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_seen);
            _stamp = 1;
        }

        var dense = _data.DenseFeatures;
        dense.CopyTo(_pool, 0);
        var size = dense.Length;
        var rowFeatures = _data.RowFeatures;
        for (var k = node.Start; k < node.End; k++)
        {
            var r = _rows[k];
            for (var e = rowStart[r]; e < rowStart[r + 1]; e++)
            {
                var f = rowFeatures[e];
                if (_seen[f] != _stamp)
                {
                    _seen[f] = _stamp;
                    _pool[size++] = f;
                }
            }
        }

        return size;
    }

    /// <summary>
    /// Fills the (all-zero on entry) histogram of feature <paramref name="f"/> over the node's rows and reports the
    /// range of bins it touched; false when the feature is constant there. Sparse features skip their zero bin
    /// and derive it from the node totals: through their non-zero list when it is shorter than the node, else
    /// through the node's rows.
    /// </summary>
    private bool Histogram(int f, int id, ref GrowingNode node, int count, out int lo, out int hi)
    {
        var sums = _histSum;
        var packedBins = _histPacked;
        var zero = _data.ZeroBin[f];
        var column = _data.Bins.AsSpan(f * _n, _n);
        var nodeRows = _rows.AsSpan(node.Start, count);
        var nodeLabels = _rowWeightedLabel.AsSpan(node.Start, count);
        var nodePacked = _rowPacked.AsSpan(node.Start, count);
        var total = (node.Weight << 32) | (uint)count;
        if (zero < 0)
        {
            int low = byte.MaxValue, high = 0;
            for (var k = 0; k < nodeRows.Length; k++)
            {
                int b = column[nodeRows[k]];
                sums[b] += nodeLabels[k];
                packedBins[b] += nodePacked[k];
                low = Math.Min(low, b);
                high = Math.Max(high, b);
            }

            lo = low;
            hi = high;
            return low != high;
        }

        double offSum = 0;
        long offPacked = 0;
        int offLow = zero, offHigh = zero;
        var nonZero = _data.NonZeroCount(f);
        if (nonZero < count)
        {
            var start = _data.SparseStart[f];
            var rows = _data.SparseRows.AsSpan(start, nonZero);
            var rowBins = _data.SparseBins.AsSpan(start, nonZero);
            for (var k = 0; k < rows.Length; k++)
            {
                var r = rows[k];
                if (_nodeOf[r] == id)
                {
                    int b = rowBins[k];
                    sums[b] += _weightedLabel[r];
                    packedBins[b] += _packed[r];
                    offSum += _weightedLabel[r];
                    offPacked += _packed[r];
                    offLow = Math.Min(offLow, b);
                    offHigh = Math.Max(offHigh, b);
                }
            }
        }
        else
        {
            for (var k = 0; k < nodeRows.Length; k++)
            {
                int b = column[nodeRows[k]];
                if (b != zero)
                {
                    sums[b] += nodeLabels[k];
                    packedBins[b] += nodePacked[k];
                    offSum += nodeLabels[k];
                    offPacked += nodePacked[k];
                    offLow = Math.Min(offLow, b);
                    offHigh = Math.Max(offHigh, b);
                }
            }
        }

        lo = offLow;
        hi = offHigh;
        if (offPacked == 0)
        {
            return false;
        }

        sums[zero] = node.Sum - offSum;
        packedBins[zero] = total - offPacked;

        // Constant when every row sits in one off-zero bin.
        return (int)offPacked != count || packedBins[column[nodeRows[0]]] != offPacked;
    }

    private void Split(int id, Random rng)
    {
        ref var node = ref _nodes[id];
        var column = _data.Bins.AsSpan(node.SplitFeature * _n, _n);
        var bin = node.SplitBin;

        // In-place two-pointer partition: rows with bin ≤ split bin first.
        int i = node.Start, j = node.End - 1;
        while (i <= j)
        {
            if (column[_rows[i]] <= bin)
            {
                i++;
            }
            else
            {
                (_rows[i], _rows[j]) = (_rows[j], _rows[i]);
                (_rowWeightedLabel[i], _rowWeightedLabel[j]) = (_rowWeightedLabel[j], _rowWeightedLabel[i]);
                (_rowPacked[i], _rowPacked[j]) = (_rowPacked[j], _rowPacked[i]);
                j--;
            }
        }

        var left = _nodeCount;
        var right = left + 1;
        _nodeCount += 2;
        node.Left = left;
        for (var k = node.Start; k < i; k++)
        {
            _nodeOf[_rows[k]] = left;
        }

        for (var k = i; k < node.End; k++)
        {
            _nodeOf[_rows[k]] = right;
        }

        int start = node.Start, end = node.End, depth = node.Depth + 1;
        InitNode(left, start, i, depth, rng);
        InitNode(right, i, end, depth, rng);
    }

    private GrownTree Export()
    {
        var count = _nodeCount;
        var feature = new int[count];
        var threshold = new float[count];
        var left = new int[count];
        var right = new int[count];
        var value = new double[count];
        var cover = new double[count];
        for (var k = 0; k < count; k++)
        {
            ref readonly var node = ref _nodes[k];
            value[k] = node.Value;
            cover[k] = node.Weight;
            if (node.Left < 0)
            {
                feature[k] = -1;
                left[k] = -1;
                right[k] = -1;
            }
            else
            {
                feature[k] = node.SplitFeature;
                threshold[k] = _data.Edges[node.SplitFeature][node.SplitBin];
                left[k] = node.Left;
                right[k] = node.Left + 1;
            }
        }

        return new GrownTree(feature, threshold, left, right, value, cover);
    }
}
