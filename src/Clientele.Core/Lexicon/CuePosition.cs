namespace Clientele.Core.Lexicon;

/// <summary>Where a negation cue stands relative to the concept it negates.</summary>
public enum CuePosition
{
    /// <summary>Before the alias ("not a fan of black", "不喜欢黑色").</summary>
    Before,

    /// <summary>After the alias, as in Japanese and Korean ("黒は好きではない", "검정색은 싫어").</summary>
    After,

    /// <summary>A contrast word ("but", "mais") that ends the reach of a negation: "not red but black".</summary>
    Break,
}
