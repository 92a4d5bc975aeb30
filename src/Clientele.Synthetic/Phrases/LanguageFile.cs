namespace Clientele.Synthetic.Phrases;

/// <summary>
/// The shape of a language's data file (<c>Phrases/Data/&lt;code&gt;.json</c>): raw entries and templates, parsed into
/// a <see cref="Lang"/> by <see cref="Phrasebook"/>. <see cref="Sentences"/> is keyed by <see cref="SentenceKind"/> name.
/// </summary>
internal sealed class LanguageFile
{
    public required string Code { get; init; }
    public required Script Script { get; init; }
    public required string Stop { get; init; }
    public required bool Spaced { get; init; }
    public required bool Cased { get; init; }
    public required string AgeSuffix { get; init; }
    public required string[] NameForms { get; init; }
    public required string[] Surnames { get; init; }
    public required string[] Professions { get; init; }
    public required string[] Products { get; init; }
    public required string[] Colours { get; init; }
    public required string[] Materials { get; init; }
    public required string[] Hobbies { get; init; }
    public required string[] Recipients { get; init; }
    public required string[] Occasions { get; init; }
    public required string[] Deadlines { get; init; }
    public required string[] Places { get; init; }
    public required Dictionary<string, string[]> Sentences { get; init; }
}
