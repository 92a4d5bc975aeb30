namespace Clientele.Core.Training.Forest;

/// <summary>
/// The training matrix reduced to one byte per value (a bin index), column-major so a node's histogram over
/// one feature reads one contiguous column. Mostly-zero features also keep a list of their non-zero rows, so
/// a large node's histogram costs the feature's non-zeros, not the node's size.
/// </summary>
internal sealed class BinnedFeatures
{
    public BinnedFeatures(int rows, int features)
    {
        Rows = rows;
        Features = features;
        Bins = new byte[(long)rows * features];
        Edges = new float[features][];
        BinCount = new int[features];
        ZeroBin = new int[features];
        SparseStart = new int[features + 1];
        SparseRows = [];
        SparseBins = [];
    }

    public int Rows { get; }

    public int Features { get; }

    /// <summary>Bin of row <c>i</c>, feature <c>f</c> at <c>f * Rows + i</c>.</summary>
    public byte[] Bins { get; }

    /// <summary>Upper edge of each bin but the last (value ≤ edge ⇒ that bin or lower); the last bin is open.</summary>
    public float[][] Edges { get; }

    public int[] BinCount { get; }

    /// <summary>Bin holding 0 for features stored sparsely, else −1.</summary>
    public int[] ZeroBin { get; }

    /// <summary>Feature <c>f</c>'s off-zero entries are <c>SparseStart[f]</c> up to <c>SparseStart[f + 1]</c>.</summary>
    public int[] SparseStart { get; }

    public int[] SparseRows { get; set; }

    public byte[] SparseBins { get; set; }

    /// <summary>Features with no sparse list (dense numeric columns): candidates at every node.</summary>
    public int[] DenseFeatures { get; set; } = [];

    /// <summary>Row <c>i</c>'s off-zero sparse features are <c>RowFeatures[RowStart[i]..RowStart[i + 1])</c> (the sparse lists transposed).</summary>
    public int[] RowStart { get; set; } = [];

    public int[] RowFeatures { get; set; } = [];

    public int NonZeroCount(int feature) => SparseStart[feature + 1] - SparseStart[feature];
}
