using Clientele.Core.Ingest;
using Clientele.Storage.Store;
using Clientele.Workflows.Privacy;

namespace Clientele.Workflows.Tests;

/// <summary>Issue 15 item 10: the notes the store keeps, with identifiers and (when asked) the client's names replaced.</summary>
public sealed class PseudonymisedTests
{
    private static readonly List<Note> Notes =
    [
        new("A", null, "FR", "Mme Laurent adore la soie, mail claire@example.com.", 2),
        new("A", null, "FR", "Retour de Laurent mardi ; budget 20k.", 3),
        new("B", null, "EN", "Mr. Anderson likes gold; Laurent is his tailor.", 4),
        new("C", null, "JA", "田中様、シルクがお好き。", 5),
    ];

    [Fact]
    public void Redacting_names_replaces_the_clients_own_name_in_all_its_notes_and_leaves_no_display_name()
    {
        var stored = Pseudonymised.Notes(Notes, identifiers: true, redactNames: true);

        Assert.Equal("Mme [name] adore la soie, mail [email].", stored[0].Text);
        Assert.Equal("Retour de [name] mardi ; budget 20k.", stored[1].Text);
        Assert.Equal("Mr. [name] likes gold; Laurent is his tailor.", stored[2].Text);
        Assert.Equal("[name]様、シルクがお好き。", stored[3].Text);
        Assert.All(stored, n => Assert.Equal(string.Empty, DisplayNames.Guess(n.Text)));
        Assert.Equal("Mme Laurent", DisplayNames.Guess(Notes[0].Text));
    }

    [Fact]
    public void Without_redaction_names_are_kept_and_only_identifiers_go()
    {
        var stored = Pseudonymised.Notes(Notes);
        Assert.Equal("Mme Laurent adore la soie, mail [email].", stored[0].Text);
        Assert.Same(Notes[1], stored[1]);
    }
}
