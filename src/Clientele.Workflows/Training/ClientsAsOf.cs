using Clientele.Core.Concepts;
using Clientele.Core.History;
using Clientele.Core.Ingest;
using Clientele.Core.Profiles;

namespace Clientele.Workflows.Training;

/// <summary>
/// The clients known on a date and their profiles from the notes dated up to it: a client with notes and no
/// purchase, and one with purchases and no notes (an empty profile), are both in. Notes after the date, and notes
/// without a date (which cannot be placed before it), are left out and counted.
/// </summary>
public sealed record ClientsAsOf(DateOnly AsOf, IReadOnlyList<ClientProfile> Profiles, int NotesLeftOut, int UndatedNotes)
{
    /// <summary>Profiles of every client with a note or a transaction on or before <paramref name="asOf"/>.</summary>
    public static ClientsAsOf Of(PurchaseData data, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(data);
        var kept = new List<Note>(data.Notes.Count);
        int later = 0, undated = 0;
        foreach (var note in data.Notes)
        {
            if (note.Date is not { } date)
            {
                undated++;
            }
            else if (date > asOf)
            {
                later++;
            }
            else
            {
                kept.Add(note);
            }
        }

        var profiles = kept.Count == 0 ? [] : ProfileBuilder.FromNotes(ConceptMatcher.Build(data.Lexicon), kept).ToList();
        var known = profiles.Select(p => p.ClientId).ToHashSet(StringComparer.Ordinal);
        foreach (var id in data.Ledger.ClientIds)
        {
            if (!known.Contains(id) && data.Ledger.For(id)!.KnownBy(asOf))
            {
                profiles.Add(new ClientProfile(id));
            }
        }

        return new ClientsAsOf(asOf, profiles, later, undated);
    }
}
