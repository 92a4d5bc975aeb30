namespace Clientele.Core.Training.Forest;

/// <summary>Growth-time state of one node of a <see cref="TreeBuilder"/>; rows are the builder's <c>_rows[Start..End)</c>.</summary>
internal struct GrowingNode
{
    public int Start;
    public int End;
    public int Depth;
    public long Weight;
    public double Sum;
    public double Value;
    public double Gain;
    public int SplitFeature;
    public int SplitBin;
    public int Left;
}
