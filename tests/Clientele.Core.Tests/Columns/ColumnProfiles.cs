using Clientele.Core.Concepts;
using Clientele.Core.Ingest;
using Clientele.Core.Lexicon;
using Clientele.Core.Profiles;

namespace Clientele.Core.Tests.Columns;

/// <summary>Profiles of generated notes carrying given extra columns (values per client from a function), for the column tests.</summary>
internal static class ColumnProfiles
{
    private static readonly ConceptMatcher Matcher = ConceptMatcher.Build(LexiconCsv.LoadBuiltin());

    /// <summary>
    /// <paramref name="clients"/> clients with <paramref name="notesPerClient"/> notes each; <paramref name="value"/>
    /// gives column <c>c</c>'s cell for client <c>i</c>, note <c>k</c>.
    /// </summary>
    public static IReadOnlyList<ClientProfile> Build(string[] names, int clients, Func<int, int, int, string> value, int notesPerClient = 2)
    {
        var notes = new List<Note>();
        for (var i = 0; i < clients; i++)
        {
            for (var k = 0; k < notesPerClient; k++)
            {
                var values = names.Select((_, c) => value(i, k, c)).ToArray();
                notes.Add(new Note($"C{i:D4}", new DateOnly(2026, 1, 1).AddDays(k * 30), "EN", "Looking for a gift, budget 3K.", notes.Count + 2)
                {
                    ColumnNames = names,
                    ColumnValues = values,
                });
            }
        }

        return ProfileBuilder.FromNotes(Matcher, notes);
    }
}
