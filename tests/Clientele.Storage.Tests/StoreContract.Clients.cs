using Clientele.Storage.Store;
using Clientele.Storage.Tests.Infrastructure;

namespace Clientele.Storage.Tests;

public abstract partial class StoreContract
{
    [StoreFact]
    public void Saves_and_reads_clients_notes_and_concepts()
    {
        var client = Sample.Client("CA_001", "Mme Laurent");
        Store.SaveClients(
            [client, Sample.Client("CA_002") with { FirstNote = null, LastNote = null, Languages = null }],
            [Sample.Note("CA_001", "Rendez-vous Mme Laurent, « budget » 3-4K", Sample.Day), Sample.Note("CA_002", "Hu様、47歳")],
            [Sample.Concept("CA_001", "gift", 2), Sample.Concept("CA_001", "golf")]);

        Assert.Equal(client, Store.GetClient("CA_001"));
        Assert.Equal(Sample.Client("CA_002") with { FirstNote = null, LastNote = null, Languages = null }, Store.GetClient("CA_002"));
        Assert.Equal([new NoteRecord("CA_001", Sample.Day, "FR", "Rendez-vous Mme Laurent, « budget » 3-4K")], Store.GetNotes("CA_001"));
        Assert.Equal([new NoteRecord("CA_002", null, "FR", "Hu様、47歳")], Store.GetNotes("CA_002"));
        Assert.Equal([Sample.Concept("CA_001", "gift", 2), Sample.Concept("CA_001", "golf")], Store.GetConcepts("CA_001"));
    }

    [StoreFact]
    public void Saving_a_client_again_appends_new_notes_skips_repeated_ones_and_replaces_its_concepts()
    {
        Store.SaveClients(
            [Sample.Client("CA_001", "Mme Laurent")],
            [Sample.Note("CA_001", "first", Sample.Day), Sample.Note("CA_001", "second", Sample.Day)],
            [Sample.Concept("CA_001", "gift"), Sample.Concept("CA_001", "golf")]);
        Store.SaveClients([Sample.Client("CA_001", "Mme Laurent-Petit")], [Sample.Note("CA_001", "second", Sample.Day), Sample.Note("CA_001", "third", Sample.Day)],
            [Sample.Concept("CA_001", "travel", 3)]);

        Assert.Equal("Mme Laurent-Petit", Store.GetClient("CA_001")?.DisplayName);
        Assert.Equal(["first", "second", "third"], Store.GetNotes("CA_001").Select(n => n.Text));
        Assert.Equal([Sample.Concept("CA_001", "travel", 3)], Store.GetConcepts("CA_001"));
    }

    [StoreFact]
    public void Notes_of_many_clients_come_client_after_client_in_the_order_asked_each_as_read_alone()
    {
        // More clients than one query takes, some with no note, dated and undated notes out of order.
        var random = new Random(1207);
        var ids = Enumerable.Range(0, 1_203).Select(i => $"C{i:D4}").ToList();
        var notes = ids.SelectMany(id => Enumerable.Range(0, random.Next(0, 4)).Select(k =>
            Sample.Note(id, $"note {k} of {id}", random.Next(3) == 0 ? null : Sample.Day.AddDays(random.Next(-50, 50))))).ToList();
        Store.SaveClients(ids.Select(id => Sample.Client(id)).ToList(), notes, []);

        var asked = ids.AsEnumerable().Reverse().Append("C0007").Append("unknown").Append("C1202").ToList();
        var expected = asked.Distinct().SelectMany(Store.GetNotes).ToList();

        Assert.Equal(notes.Count, expected.Count);
        Assert.Equal(expected, Store.GetNotes(asked));
        Assert.Empty(Store.GetNotes(Array.Empty<string>()));
    }

    [StoreFact]
    public void A_note_is_the_same_note_only_with_the_same_client_date_and_text()
    {
        Store.SaveClients([Sample.Client("A"), Sample.Client("B")],
            [Sample.Note("A", "same", Sample.Day), Sample.Note("A", "same", Sample.Day), Sample.Note("A", "same", Sample.Day.AddDays(1)), Sample.Note("A", "same"), Sample.Note("B", "same", Sample.Day)], []);
        Store.SaveClients([Sample.Client("A")], [Sample.Note("A", "same"), Sample.Note("A", "Same", Sample.Day)], []);

        Assert.Equal(4, Store.GetNotes("A").Count);
        Assert.Single(Store.GetNotes("B"));
    }

    [StoreFact]
    public void A_batch_without_a_display_name_keeps_the_stored_one()
    {
        Store.SaveClients([Sample.Client("CA_001", "Mme Laurent")], [Sample.Note("CA_001", "first", Sample.Day)], []);
        Store.SaveClients([Sample.Client("CA_001")], [Sample.Note("CA_001", "later", Sample.Day.AddDays(3))], []);

        Assert.Equal("Mme Laurent", Store.GetClient("CA_001")?.DisplayName);
        Assert.Equal(["first", "later"], Store.GetNotes("CA_001").Select(n => n.Text));
        Assert.Equal(1, Store.QueryClients(new ClientQuery(Search: "laurent")).Total);
    }

    [StoreFact]
    public void Saving_some_clients_leaves_the_others_alone()
    {
        Store.SaveClients([Sample.Client("A"), Sample.Client("B")], [Sample.Note("A", "a"), Sample.Note("B", "b")], [Sample.Concept("B", "gift")]);
        Store.SaveClients([Sample.Client("A", "Mr. A")], [], []);

        Assert.Equal(["a"], Store.GetNotes("A").Select(n => n.Text));
        Assert.Equal(["b"], Store.GetNotes("B").Select(n => n.Text));
        Assert.Single(Store.GetConcepts("B"));
    }

    [StoreFact]
    public void A_note_of_a_client_outside_the_batch_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Store.SaveClients([Sample.Client("A")], [Sample.Note("A", "a"), Sample.Note("Z", "z")], []));

        Assert.Contains("'Z'", error.Message);
        Assert.Null(Store.GetClient("A"));
    }

    [StoreFact]
    public void A_client_batch_failing_midway_writes_nothing()
    {
        Store.SaveClients([Sample.Client("A", "before")], [Sample.Note("A", "kept")], []);

        // Large enough to span several statements, so the ones before the null id have already run.
        var batch = Enumerable.Range(0, 1200).Select(i => Sample.Client(i == 1100 ? null! : $"B{i:0000}")).Prepend(Sample.Client("A", "after")).ToList();

        Assert.ThrowsAny<Exception>(() => Store.SaveClients(batch, [Sample.Note("B0001", "b")], []));

        Assert.Equal("before", Store.GetClient("A")?.DisplayName);
        Assert.Equal(["kept"], Store.GetNotes("A").Select(n => n.Text));
        Assert.Null(Store.GetClient("B0001"));
        Assert.Equal(1, Store.QueryClients(new ClientQuery()).Total);
    }

    [StoreFact]
    public void A_client_batch_failing_on_its_last_statement_writes_nothing()
    {
        Store.SaveClients([Sample.Client("A", "before")], [Sample.Note("A", "kept")], [Sample.Concept("A", "golf")]);

        // Clients, deletions and notes succeed; the duplicate concept fails the last insert.
        Assert.ThrowsAny<Exception>(() => Store.SaveClients(
            [Sample.Client("A", "after"), Sample.Client("B")],
            [Sample.Note("A", "new"), Sample.Note("B", "b")],
            [Sample.Concept("B", "gift"), Sample.Concept("B", "gift")]));

        Assert.Equal("before", Store.GetClient("A")?.DisplayName);
        Assert.Equal(["kept"], Store.GetNotes("A").Select(n => n.Text));
        Assert.Equal(["golf"], Store.GetConcepts("A").Select(c => c.ConceptId));
        Assert.Null(Store.GetClient("B"));
    }

    [StoreFact]
    public void A_client_given_twice_in_a_batch_keeps_its_last_record()
    {
        Store.SaveClients(Sample.Client("A", "first"), Sample.Client("B"), Sample.Client("A", "second"));

        Assert.Equal("second", Store.GetClient("A")?.DisplayName);
        Assert.Equal(2, Store.QueryClients(new ClientQuery()).Total);
    }

    [StoreFact]
    public void An_unknown_client_has_no_record_notes_concepts_or_predictions()
    {
        Assert.Null(Store.GetClient("nobody"));
        Assert.Empty(Store.GetNotes("nobody"));
        Assert.Empty(Store.GetConcepts("nobody"));
        Assert.Empty(Store.GetPredictionHistory("nobody"));
    }

    [StoreFact]
    public void Notes_come_in_date_order_undated_last()
    {
        Store.SaveClients(
            [Sample.Client("A")],
            [Sample.Note("A", "undated"), Sample.Note("A", "late", Sample.Day.AddDays(5)), Sample.Note("A", "early", Sample.Day)],
            []);

        Assert.Equal(["early", "late", "undated"], Store.GetNotes("A").Select(n => n.Text));
    }
}
