namespace Clientele.Synthetic.Phrases;

/// <summary>What a <see cref="Segment"/> holds.</summary>
internal enum SegmentKind : byte
{
    Literal,
    Slot,
    Gender,
}

/// <summary>A piece of a parsed template: literal text, a slot (<c>{P1}</c>) or a gender choice (<c>[his|her]</c>).</summary>
internal sealed class Segment
{
    public required SegmentKind Kind { get; init; }
    public string Text { get; init; } = "";
    public char Slot { get; init; }
    public int Form { get; init; }
    public Template? Male { get; init; }
    public Template? Female { get; init; }
}
