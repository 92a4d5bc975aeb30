namespace Clientele.Core.Facts;

/// <summary>An amount or range found in a note, in thousands, before it is linked to a budget word.</summary>
/// <param name="Start">Offset of the match in the normalised note.</param>
/// <param name="End">Offset just past the match.</param>
/// <param name="Low">Lower end, in thousands.</param>
/// <param name="High">Upper end, in thousands.</param>
/// <param name="Open">True when a floor suffix ("+", "or more") follows a single amount.</param>
/// <param name="HasUnit">True when a magnitude or currency says this is money.</param>
/// <param name="RawLow">The first number as written, before scaling.</param>
/// <param name="IsRange">True for "3-5K", false for a single amount.</param>
internal readonly record struct MoneyCandidate(int Start, int End, double Low, double High, bool Open, bool HasUnit, double RawLow, bool IsRange);
