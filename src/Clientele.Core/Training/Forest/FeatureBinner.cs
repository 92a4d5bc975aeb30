namespace Clientele.Core.Training.Forest;

/// <summary>
/// Turns float features into quantile bins once per fit, so every split search afterwards is a histogram
/// over bytes instead of a sort over floats.
/// </summary>
internal static class FeatureBinner
{
    /// <summary>A feature is stored sparsely too when at most this share of rows is off its zero bin.</summary>
    private const double SparseShare = 0.25;

    public static BinnedFeatures Bin(float[][] rows, int maxBins, int threads)
    {
        var n = rows.Length;
        var d = rows[0].Length;
        var data = new BinnedFeatures(n, d);
        var offZero = new int[d];

        Parallel.For(
            0,
            d,
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => new Scratch(n),
            (f, _, scratch) =>
            {
                BinFeature(rows, f, maxBins, data, scratch, out offZero[f]);
                return scratch;
            },
            _ => { });

        BuildSparseLists(data, offZero);
        return data;
    }

    /// <summary>Bin index of <paramref name="value"/>: the first bin whose upper edge is ≥ it; NaN falls in the last bin.</summary>
    public static int BinOf(float[] edges, float value)
    {
        int lo = 0, hi = edges.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (value <= edges[mid])
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private static void BinFeature(float[][] rows, int f, int maxBins, BinnedFeatures data, Scratch s, out int offZero)
    {
        var n = rows.Length;

        // Only non-zero values are sorted: TF-IDF columns are ~94 % zeros, which would dominate the sort.
        var nonZero = 0;
        var zeros = 0;
        for (var i = 0; i < n; i++)
        {
            var v = rows[i][f];
            if (v == 0f)
            {
                zeros++;
            }
            else if (!float.IsNaN(v))
            {
                s.Values[nonZero++] = v;
            }
        }

        var sorted = s.Values.AsSpan(0, nonZero);
        sorted.Sort();

        // Distinct values and their counts, with zero merged in at its place between negatives and positives.
        var k = 0;
        var zeroPlaced = zeros == 0;
        for (var i = 0; i <= nonZero; i++)
        {
            if (!zeroPlaced && (i == nonZero || sorted[i] > 0f))
            {
                s.Distinct[k] = 0f;
                s.Counts[k++] = zeros;
                zeroPlaced = true;
            }

            if (i == nonZero)
            {
                break;
            }

            if (k > 0 && s.Distinct[k - 1] == sorted[i])
            {
                s.Counts[k - 1]++;
            }
            else
            {
                s.Distinct[k] = sorted[i];
                s.Counts[k++] = 1;
            }
        }

        var edges = Edges(s.Distinct.AsSpan(0, k), s.Counts.AsSpan(0, k), nonZero, zeros > 0, maxBins);
        data.Edges[f] = edges;
        data.BinCount[f] = edges.Length + 1;

        var zeroBin = (byte)BinOf(edges, 0f);
        var column = data.Bins.AsSpan(f * n, n);
        var off = 0;
        for (var i = 0; i < n; i++)
        {
            var v = rows[i][f];
            var b = v == 0f ? zeroBin : (byte)BinOf(edges, v);
            column[i] = b;
            off += b != zeroBin ? 1 : 0;
        }

        var sparse = off <= SparseShare * n;
        data.ZeroBin[f] = sparse ? zeroBin : -1;
        offZero = sparse ? off : 0;
    }

    /// <summary>
    /// Upper bin edges: one bin per distinct value when they fit, else roughly equal-count bins over the
    /// non-zero values with zero always alone (a term's absence is the most common and most telling value).
    /// Edges are midpoints, as scikit-learn's thresholds, so unseen values between two training values split evenly.
    /// </summary>
    private static float[] Edges(ReadOnlySpan<float> values, ReadOnlySpan<int> counts, int nonZero, bool hasZero, int maxBins)
    {
        if (values.Length <= 1)
        {
            return [];
        }

        var edges = new List<float>(Math.Min(values.Length, maxBins));
        if (values.Length <= maxBins)
        {
            for (var j = 0; j + 1 < values.Length; j++)
            {
                edges.Add(Midpoint(values[j], values[j + 1]));
            }

            return [.. edges];
        }

        // Reserve the zero bin and the cut on each side of it before spreading the rest by count.
        var perBin = Math.Max(1.0, nonZero / (double)(maxBins - (hasZero ? 2 : 0)));
        double sinceCut = 0;
        for (var j = 0; j + 1 < values.Length && edges.Count < maxBins - 1; j++)
        {
            var aroundZero = values[j] == 0f || values[j + 1] == 0f;
            if (values[j] != 0f)
            {
                sinceCut += counts[j];
            }

            if (aroundZero || sinceCut >= perBin)
            {
                edges.Add(Midpoint(values[j], values[j + 1]));
                sinceCut = 0;
            }
        }

        return [.. edges];
    }

    /// <summary>Midpoint of two adjacent distinct values; the lower value itself when they are adjacent floats.</summary>
    private static float Midpoint(float a, float b)
    {
        var mid = a + ((b - a) * 0.5f);
        return mid >= a && mid < b ? mid : a;
    }

    private static void BuildSparseLists(BinnedFeatures data, int[] offZero)
    {
        var n = data.Rows;
        var total = 0;
        for (var f = 0; f < data.Features; f++)
        {
            data.SparseStart[f] = total;
            total += offZero[f];
        }

        data.SparseStart[data.Features] = total;
        data.SparseRows = new int[total];
        data.SparseBins = new byte[total];
        for (var f = 0; f < data.Features; f++)
        {
            if (data.ZeroBin[f] < 0)
            {
                continue;
            }

            var zero = data.ZeroBin[f];
            var column = data.Bins.AsSpan(f * n, n);
            var at = data.SparseStart[f];
            for (var i = 0; i < n; i++)
            {
                if (column[i] != zero)
                {
                    data.SparseRows[at] = i;
                    data.SparseBins[at++] = column[i];
                }
            }
        }

        // Transpose: a small node finds which sparse features vary in it from its rows' non-zeros.
        var dense = new List<int>();
        var rowStart = new int[n + 1];
        for (var f = 0; f < data.Features; f++)
        {
            if (data.ZeroBin[f] < 0)
            {
                dense.Add(f);
                continue;
            }

            for (var k = data.SparseStart[f]; k < data.SparseStart[f + 1]; k++)
            {
                rowStart[data.SparseRows[k] + 1]++;
            }
        }

        for (var i = 0; i < n; i++)
        {
            rowStart[i + 1] += rowStart[i];
        }

        var rowFeatures = new int[total];
        var fill = rowStart[..n];
        for (var f = 0; f < data.Features; f++)
        {
            for (var k = data.SparseStart[f]; k < data.SparseStart[f + 1]; k++)
            {
                rowFeatures[fill[data.SparseRows[k]]++] = f;
            }
        }

        data.DenseFeatures = [.. dense];
        data.RowStart = rowStart;
        data.RowFeatures = rowFeatures;
    }

    /// <summary>Per-worker buffers so binning 500+ features allocates only the results.</summary>
    private sealed class Scratch(int rows)
    {
        public float[] Values { get; } = new float[rows];

        public float[] Distinct { get; } = new float[rows + 1];

        public int[] Counts { get; } = new int[rows + 1];
    }
}
