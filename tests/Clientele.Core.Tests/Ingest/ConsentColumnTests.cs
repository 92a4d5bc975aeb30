using Clientele.Core.Concepts;
using Clientele.Core.Errors;
using Clientele.Core.Ingest;
using Clientele.Core.Lexicon;
using Clientele.Core.Privacy;
using Clientele.Core.Profiles;

namespace Clientele.Core.Tests.Ingest;

/// <summary>Issue 15, item 9: the notes file's <c>consent</c> column.</summary>
public class ConsentColumnTests
{
    private static List<Note> Read(string csv) => NotesCsv.ReadAll(new StringReader(csv), "n.csv", new IngestReport("n.csv"));

    [Fact]
    public void Consent_values_are_read_case_insensitively_into_their_states_and_a_blank_cell_states_nothing()
    {
        var notes = Read("ID,Date,Consent,Store,Transcription\nA,2026-01-01,Yes,paris,x\nB,2026-01-01, granted ,paris,x\nC,2026-01-01,NO,paris,x\n"
            + "D,2026-01-01,withdrawn,paris,x\nE,2026-01-01,Objected,paris,x\nF,2026-01-01,,paris,x\n");
        Assert.Equal(
            [ConsentValues.Granted, ConsentValues.Granted, ConsentValues.Withdrawn, ConsentValues.Withdrawn, ConsentValues.Objected, null],
            notes.Select(n => n.Consent));
    }

    [Fact]
    public void The_consent_column_is_never_an_extra_column_so_never_a_feature()
    {
        var note = Assert.Single(Read("ID,Consent,Store,Transcription\nA,no,paris,x\n"));
        Assert.Equal(["Store"], note.ColumnNames);
        Assert.Equal(["paris"], note.ColumnValues);
    }

    [Fact]
    public void An_unknown_consent_value_is_an_error_naming_file_line_column_and_the_accepted_values()
    {
        var error = Assert.Throws<ClienteleInputException>(() => Read("ID,Date,Consent,Transcription\nA,2026-01-01,yes,x\nB,2026-01-01,maybe,x\n"));
        Assert.Equal(("n.csv", (long?)3, (int?)3), (error.Source, error.Line, error.Column));
        Assert.Contains("'maybe'", error.Message, StringComparison.Ordinal);
        foreach (var value in new[] { "yes", "granted", "no", "withdrawn", "objected" })
        {
            Assert.Contains(value, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_latest_note_that_states_consent_wins_whatever_the_order_of_the_rows()
    {
        var matcher = ConceptMatcher.Build(LexiconCsv.LoadBuiltin());
        var profiles = ProfileBuilder.FromNotes(matcher, Read(
            "ID,Date,Consent,Transcription\nA,2026-03-01,objected,x\nA,2026-01-01,yes,x\nA,2026-04-01,,x\n"
            + "B,2026-01-01,objected,x\nB,2026-02-01,yes,x\nC,2026-01-01,,x\n")).ToDictionary(p => p.ClientId);
        Assert.Equal(ConsentValues.Objected, profiles["A"].Consent);
        Assert.Equal(ConsentValues.Granted, profiles["B"].Consent);
        Assert.Null(profiles["C"].Consent);
    }
}
