namespace Clientele.Core.Text;

/// <summary>
/// The one list of titles and honorifics (Text/Resources/titles.tsv), shared by the fact extractor (ages after a
/// titled name), the store's display names and the synthetic notes generator, so a new language adds its titles once.
/// </summary>
public static class Titles
{
    private const string Resource = "Clientele.Core.Text.titles.tsv";

    /// <summary>Every title, in file order (longer titles before shorter ones they start with).</summary>
    public static IReadOnlyList<Title> All { get; } = Load();

    /// <summary>The titles of one language (ISO 639-1 code), in file order.</summary>
    public static IReadOnlyList<Title> Of(string language) =>
        All.Where(t => string.Equals(t.Language, language, StringComparison.OrdinalIgnoreCase)).ToList();

    private static List<Title> Load() =>
        EmbeddedTable.Read(Resource)
            .Select(row => new Title(row[0], row[1], Enum.Parse<TitleForm>(row[2], ignoreCase: true), row[3] == "yes", row[4] == "yes"))
            .ToList();
}
