namespace Clientele.Core.Lexicon;

/// <summary>One concept of a lexicon: a stable id, a readable label, a category and its aliases in every language.</summary>
public sealed record Concept(string Id, string Label, string Category, IReadOnlyList<string> Aliases);
