using System.Globalization;
using Clientele.Core.Text;

namespace Clientele.Core.Lexicon;

/// <summary>
/// Writes suggestions as a lexicon overlay (<see cref="LexiconOverlay.Header"/>, then clients, log_odds and z for the
/// reader): one concept per phrase, id <c>maison.&lt;n&gt;</c>, the phrase as label and alias, the category left
/// blank for the maison to fill in. The file loads as it is with <c>--lexicon-overlay</c>.
/// </summary>
public static class ConceptSuggestionCsv
{
    /// <summary>Writes the header and one row per suggestion, in order.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<ConceptSuggestion> suggestions)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(suggestions);
        writer.WriteLine(string.Join(',', LexiconOverlay.Header) + ",clients,log_odds,z");
        for (var i = 0; i < suggestions.Count; i++)
        {
            var s = suggestions[i];
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"maison.{i + 1:D4}"));
            writer.Write(',');
            writer.Write(CsvCell.Text(s.Phrase));
            writer.Write(',');
            writer.Write(CsvCell.Text(s.Phrase));
            writer.Write(',');
            writer.Write(CsvCell.Text(string.Join('|', s.Languages)));
            writer.Write(',');
            writer.Write(s.Notes.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(CsvCell.Text(string.Join('|', s.Examples)));
            writer.Write(",,");
            writer.Write(s.Clients.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(s.LogOdds is { } l ? CsvCell.Number(Math.Round(l, 4)) : string.Empty);
            writer.Write(',');
            writer.WriteLine(s.Z is { } z ? CsvCell.Number(Math.Round(z, 3)) : string.Empty);
        }
    }
}
