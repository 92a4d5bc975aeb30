namespace Clientele.Core.Training.Forest;

/// <summary>
/// One row's Saabas contributions kept sparse: only the features the row's tree paths split on get a value
/// (every other feature's contribution is exactly 0). Reused row after row by one worker, so explaining a
/// row costs its path length rather than passes over every feature (see <see cref="ForestModel.Contributions(ReadOnlySpan{float}, SparseContributions)"/>).
/// </summary>
public sealed class SparseContributions
{
    private double[] _sums = [];
    private float[] _values = [];
    private int[] _stamp = [];
    private int[] _touched = [];
    private int _generation;

    /// <summary>Number of features with a value in the current row (<see cref="Touched"/>).</summary>
    public int Count { get; private set; }

    /// <summary>The features with a value, in the order the walk first met them (not sorted).</summary>
    public ReadOnlySpan<int> Touched => _touched.AsSpan(0, Count);

    /// <summary>The current row's contribution of <paramref name="feature"/>, scaled as the dense call scales it; 0 when untouched.</summary>
    public float this[int feature] => _stamp[feature] == _generation ? _values[feature] : 0f;

    /// <summary>Starts a row over <paramref name="featureCount"/> features: forgets the previous row in O(1).</summary>
    internal void Begin(int featureCount)
    {
        if (_stamp.Length < featureCount)
        {
            _sums = new double[featureCount];
            _values = new float[featureCount];
            _stamp = new int[featureCount];
            _touched = new int[featureCount + 1];
            _generation = 0;
        }

        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamp);
            _generation = 1;
        }

        Count = 0;
    }

    /// <summary>Adds a split's credit to a feature (sums start from 0, as the dense sums do).</summary>
    // Branch-free first-touch bookkeeping: untouched sums are kept at 0 (Finish resets the touched ones), and the
    // feature is written past the end of the touched list and kept only when its stamp is stale.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal void Add(int feature, double credit)
    {
        _sums[feature] += credit;
        var count = Count;
        _touched[count] = feature;
        Count = count + System.Runtime.CompilerServices.Unsafe.BitCast<bool, byte>(_stamp[feature] != _generation);
        _stamp[feature] = _generation;
    }

    /// <summary>
    /// Averages over trees and scales the row so its largest absolute contribution is 1, with the same float
    /// arithmetic as <see cref="TargetModel.Contributions(float[], Span{float})"/>, so values are bit-identical to it.
    /// </summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal void Finish(double treeScale)
    {
        var max = 0f;
        foreach (var f in Touched)
        {
            var v = (float)(_sums[f] * treeScale);
            _values[f] = v;
            max = Math.Max(max, Math.Abs(v));
        }

        foreach (var f in Touched)
        {
            _sums[f] = 0;
            if (max > 0)
            {
                _values[f] /= max;
            }
        }
    }
}
