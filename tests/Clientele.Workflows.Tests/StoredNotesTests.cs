using Clientele.Core.Ingest;
using Clientele.Storage.Store;
using Clientele.Workflows.Notes;

namespace Clientele.Workflows.Tests;

/// <summary>A stored client's profile is all its notes: what an upload gets from the store before it is scored.</summary>
public sealed class StoredNotesTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    private readonly TempDirectory folder = new();

    [Fact]
    public void Earlier_notes_are_the_stored_ones_of_the_uploaded_clients_up_to_the_as_of_date_that_the_upload_does_not_repeat()
    {
        using var store = StoreFactory.Open($"Data Source={folder.Of("store.db")}");
        store.SaveClients(
            [Client("A"), Client("B")],
            [Note("A", "old", new(2026, 1, 5)), Note("A", "undated", null), Note("A", "repeated", new(2026, 2, 1)),
             Note("A", "after the as-of date", new(2026, 7, 1)), Note("B", "not uploaded", new(2026, 1, 5))],
            []);
        var upload = new List<Note> { Note("A", "repeated", new(2026, 2, 1)), Note("A", "new", new(2026, 6, 1)), Note("C", "first", new(2026, 6, 1)) };

        var earlier = StoredNotes.Earlier(store, upload, AsOf);

        Assert.Equal([("A", "old"), ("A", "undated")], earlier.Select(n => (n.ClientId, n.Text)));
        Assert.Equal(["old", "after the as-of date", "undated"], StoredNotes.Earlier(store, upload, asOf: null).Select(n => n.Text));
    }

    [Fact]
    public void A_first_upload_into_an_empty_store_has_no_earlier_notes()
    {
        using var store = StoreFactory.Open($"Data Source={folder.Of("empty.db")}");

        Assert.Empty(StoredNotes.Earlier(store, [Note("A", "x", null)], AsOf));
    }

    public void Dispose() => folder.Dispose();

    private static ClientRecord Client(string id) => new(id, string.Empty, null, null, 1, null);

    private static Note Note(string id, string text, DateOnly? date) => new(id, date, "FR", text, 2);
}
