using System.Text.RegularExpressions;
using Clientele.Core.Text;

namespace Clientele.Storage.Store;

/// <summary>
/// Guesses how a note names its client ("Mme Laurent", "Mr. Anderson", "Hu様"), for the dashboard to show next
/// to the id. Only the note's opening is read, where advisors name the client; anything uncertain gives "",
/// because a wrong name next to a client is worse than none.
/// </summary>
public static class DisplayNames
{
    private const int OpeningLength = 80;
    private const int MaxNameLength = 60;

    // A capitalised word of cased letters (Latin, Cyrillic…), so it stops before an attached 様 or 先生;
    // it can follow CJK text directly, hence "not after a cased letter".
    private const string Word = @"(?<![\p{Lu}\p{Ll}])\p{Lu}[\p{Lu}\p{Ll}\p{M}'’\-]*";

    // A whole word that is not a possessive: "Mr. Smith's wife" is about someone else.
    private const string Surname = $@"(?>{Word})(?<!['’]s)";

    private const string Particles = @"(?:(?:[Dd]e|[Dd]a|[Dd]i|[Dd]el|[Dd]ella|[Vv]an|[Vv]on|[Dd]er|[Dd]en|[Dd]u|[Ll]e|[Ll]a)\s+){0,2}";

    // A surname of one or two words, maybe after particles: "Patel", "De Luca", "de Vos".
    private const string BareName = $@"{Particles}{Word}(?:\s+{Surname})?";

    // From the shared titles list (Clientele.Core.Text.Titles), in its order: longest first where one is a prefix
    // of another (Mrs/Mr, Sra/Sr, Signora/Signor).
    private static readonly string Title =
        $@"(?<![\p{{L}}])(?:(?:{Titled(TitleForm.Abbreviation)})\.?|{Titled(TitleForm.Word)})(?![\p{{L}}])";

    private static readonly string ArabicTitle = $"(?:{Titled(TitleForm.Unshown)})";

    private static readonly string Honorific = $"(?:{Titled(TitleForm.Suffix)})";

    // Generous: the first match pays for JIT compilation, which alone took over 100 ms on a busy machine.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    // "Sra/Sr. Nakamura", "السيد/السيدة Sokolov": the advisor did not know the title, so show the name alone.
    private static readonly Regex EitherTitle = Build(
        $@"(?:{Title}\s*/\s*{Title}|{ArabicTitle}(?:\s*/\s*{ArabicTitle})?)\s+(?<name>{Particles}{Surname})");

    private static readonly Regex TitledName = Build(
        $@"(?<name>{Title}(?:\s+(?:and|&|et|und|e|y|en)\s+{Title})?\s+{Particles}{Surname})");

    // "Hu様", "Ito님", "Anderson先生/女士" (first title kept), "de Vos様", "田中様".
    private static readonly Regex HonorificSuffix = Build(
        $@"^(?<name>(?:{BareName}|[\p{{IsCJKUnifiedIdeographs}}\p{{IsKatakana}}\p{{IsHangulSyllables}}]{{1,4}})\s?{Honorific})");

    // "Meeting with Chen, 53, ...", "Rendez-vous avec Patel, 59 ans": the client follows the opening words.
    private static readonly Regex MeetingWith = Build(
        @"^(?:Meeting with|Rendez-vous avec|Incontro con|Reunión con|Treffen mit|Reunião com|Encontro com|Afspraak met|"
        + $@"Ontmoeting met|Встреча с)\s+(?<name>{BareName})\s*(?:[,(]|$)");

    // "Martin, 69 лет", "Fontaine, 57 jaar", "Weber, 63, ...": a bare name is trusted only when an age follows.
    private static readonly Regex NameThenAge = Build(
        $@"^(?<name>{BareName})\s*(?:,\s*|\(\s*)[0-9]{{2,3}}(?![0-9])\s*"
        + @"(?:[,;)]|ans\b|years?\b|yo\b|Jahre\b|anni\b|años\b|anos\b|jaar\b|лет|год|歳|岁|세|عام)");

    // Words that open a note without being a name ("Client, 45 ans", "고객님").
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Client", "Cliente", "Clientes", "Customer", "Kunde", "Kundin", "Klant", "Клиент", "Клиентка", "Meeting",
        "Rendez-vous", "Visit", "Visite", "Besuch", "Visita", "Bezoek", "Couple", "Coppia", "Pareja", "Paar",
        "고객", "손님", "客", "顧客", "客户", "客人",
    };

    public static string Guess(string noteText)
    {
        if (string.IsNullOrWhiteSpace(noteText))
        {
            return string.Empty;
        }

        var opening = noteText.TrimStart();
        opening = opening.Length > OpeningLength ? opening[..OpeningLength] : opening;
        var clause = FirstClause(opening);
        try
        {
            // Titles are searched in the first clause only: further on, "Mr." may be the husband or a product name.
            foreach (var (pattern, text) in new[] { (EitherTitle, clause), (TitledName, clause), (HonorificSuffix, clause), (MeetingWith, clause), (NameThenAge, opening) })
            {
                var match = pattern.Match(text);
                if (match.Success && Clean(match.Groups["name"].Value) is { Length: > 0 } name)
                {
                    return name;
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological note gets no name rather than a stalled import.
        }

        return string.Empty;
    }

    /// <summary>Advisors name the client before the first comma or sentence end.</summary>
    private static string FirstClause(string opening)
    {
        var end = opening.IndexOfAny([',', '，', '、', '،', '。', '；', ';', '\n', '\r']);
        return end >= 0 ? opening[..end] : opening;
    }

    private static string Clean(string name)
    {
        var collapsed = Regex.Replace(name.Trim(), @"\s+", " ", RegexOptions.None, Timeout);
        var firstWord = collapsed.Split(' ')[0];
        if (collapsed.Length > MaxNameLength || NotNames.Contains(collapsed) || NotNames.Contains(firstWord.TrimEnd('님', '様')))
        {
            return string.Empty;
        }

        return collapsed;
    }

    private static string Titled(TitleForm form) =>
        string.Join('|', Titles.All.Where(t => t.IsDisplayed && t.Form == form).Select(t => Regex.Escape(t.Text)));

    private static Regex Build(string pattern) =>
        new(pattern, RegexOptions.CultureInvariant, Timeout);
}
