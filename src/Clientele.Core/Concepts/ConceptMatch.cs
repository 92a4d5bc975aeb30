namespace Clientele.Core.Concepts;

/// <summary>One detected concept in a note: which concept, which of its aliases, where (original offsets, end exclusive).</summary>
public readonly record struct ConceptMatch(int ConceptIndex, int AliasIndex, int Start, int End)
{
    public int Length => End - Start;
}
