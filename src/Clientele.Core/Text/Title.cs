namespace Clientele.Core.Text;

/// <summary>A title or honorific notes name a client with ("Mme", "Mr", "様").</summary>
/// <param name="Text">The title as written (case-sensitive): "Mrs", "M.", "様".</param>
/// <param name="Language">ISO 639-1 code of the language it belongs to ("en", "fr", "ja").</param>
/// <param name="Form">Where it is written relative to the name.</param>
/// <param name="StatesAge">True when "Title Name 45 …" states the client's age (read by the fact extractor).</param>
/// <param name="IsDisplayed">True when "Title Name" is shown as the client's display name ("Lady" is not: "Lady Dior").</param>
public sealed record Title(string Text, string Language, TitleForm Form, bool StatesAge, bool IsDisplayed);
