using System.Text.RegularExpressions;

namespace Clientele.Server.Scoring;

/// <summary>
/// Guesses how a note addresses its client ("Mr. Anderson", "Mme Laurent", "Hu様") so the dashboard can
/// show a name beside the id. A guess only: an empty name is fine, the id stays the key. Names are shown
/// to the maison's own staff and never logged.
/// </summary>
public static partial class DisplayNames
{
    /// <summary>The first name-like address found in the notes, or empty.</summary>
    public static string Guess(IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            var m = Latin().Match(text);
            if (m.Success)
            {
                return m.Groups["title"].Value + " " + m.Groups["name"].Value;
            }

            m = Honorific().Match(text);
            if (m.Success)
            {
                return m.Groups["name"].Value + m.Groups["title"].Value;
            }
        }

        return string.Empty;
    }

    [GeneratedRegex(@"\b(?<title>Mr\.?|Mrs\.?|Ms\.?|Miss|Mme|Mlle|M\.|Herr|Frau|Sr\.?|Sra\.?|Signor[a]?|Sig\.?|Dhr\.?|Mevr\.?|Dr\.?)\s+(?<name>\p{Lu}[\p{L}'-]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Latin();

    [GeneratedRegex(@"(?<name>[\p{L}]{1,12}?)(?<title>様|さん|氏|先生|님|女士|先生)", RegexOptions.CultureInvariant)]
    private static partial Regex Honorific();
}
