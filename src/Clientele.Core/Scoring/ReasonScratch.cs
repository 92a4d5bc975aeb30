namespace Clientele.Core.Scoring;

/// <summary>
/// One scoring worker's reusable buffers for <see cref="ReasonBuilder"/>: per-key sums reset in O(keys touched)
/// through a generation stamp, so building a row's reasons allocates nothing but its final array of reasons.
/// </summary>
internal sealed class ReasonScratch(int keyCount)
{
    public double[] Sums { get; } = new double[keyCount];

    public int[] Stamp { get; } = new int[keyCount];

    public int[] Touched { get; } = new int[keyCount];

    public int TouchedCount { get; set; }

    public int Generation { get; set; }

    /// <summary>The smallest |weight| shown for the current row and target (<see cref="Defaults.ReasonNoiseShare"/> of its strongest contribution).</summary>
    public double Floor { get; set; } = 1e-6;

    /// <summary>Distinct label keys of the client's concepts in one category.</summary>
    public List<int> CategoryKeys { get; } = [];

    /// <summary>
    /// (word, concept label key) for every vocabulary word of every alias the client matched, built once per client and
    /// shared by its three targets' reasons; <see cref="WordsOf"/> is the client it was built for.
    /// </summary>
    public List<(int Word, int Key)> Words { get; } = [];

    public Profiles.ClientProfile? WordsOf { get; set; }

    /// <summary>Candidate features of one row and target: ascending index, contribution ≠ 0, feature value ≠ 0.</summary>
    public List<(int Feature, float Contribution)> Candidates { get; } = [];

    /// <summary>The strongest keys so far, best first (at most the number of reasons asked).</summary>
    public List<int> Top { get; } = [];

    /// <summary>Starts a new key sum: forgets the previous one without clearing the arrays.</summary>
    public void Begin()
    {
        TouchedCount = 0;
        if (++Generation == int.MaxValue)
        {
            Array.Clear(Stamp);
            Generation = 1;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Add(int key, double value)
    {
        if (Stamp[key] != Generation)
        {
            Stamp[key] = Generation;
            Sums[key] = 0;
            Touched[TouchedCount++] = key;
        }

        Sums[key] += value;
    }
}
