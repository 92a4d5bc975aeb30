using Clientele.Core.Ingest;
using Clientele.Storage.Store;

namespace Clientele.Workflows.Notes;

/// <summary>Reads back every stored note of every stored client: what the server retrains and rescores on.</summary>
public static class StoredNotes
{
    /// <summary>Clients per store query: bounded pages keep memory flat on a large store; the size is not tuned.</summary>
    private const int PageSize = 500;

    /// <summary>Every note, client by client in the store's order, page by page.</summary>
    public static List<Note> ReadAll(IClienteleStore store, CancellationToken token)
    {
        var notes = new List<Note>();
        for (var page = 1; ; page++)
        {
            token.ThrowIfCancellationRequested();
            var (items, total) = store.QueryClients(new ClientQuery(Page: page, PageSize: PageSize));
            foreach (var n in store.GetNotes(items.Select(i => i.Client.ClientId)))
            {
                // Line numbers as a CSV would have them (header on line 1), so messages read the same.
                notes.Add(RecordMapper.ToNote(n, notes.Count + 2));
            }

            if (items.Count == 0 || page * PageSize >= total)
            {
                return notes;
            }
        }
    }

    /// <summary>
    /// The notes already stored for the clients of <paramref name="upload"/> that it does not repeat (same client, date
    /// and text; give the upload as it will be stored, pseudonymised where it will be), dated up to
    /// <paramref name="asOf"/>. Put before the upload, they make each client's profile all its notes rather than the
    /// latest upload's alone, and storing them again adds nothing (notes are de-duplicated).
    /// </summary>
    public static List<Note> Earlier(IClienteleStore store, IReadOnlyList<Note> upload, DateOnly? asOf)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(upload);
        var stored = store.GetNotes(upload.Select(n => n.ClientId));
        var earlier = new List<Note>();
        if (stored.Count == 0)
        {
            return earlier; // a first upload: no need to index what it sends
        }

        var sent = upload.Select(n => (n.ClientId, n.Date, n.Text)).ToHashSet();
        foreach (var n in stored)
        {
            if ((asOf is not { } day || n.Date is not { } d || d <= day) && sent.Add((n.ClientId, n.Date, n.Text)))
            {
                earlier.Add(RecordMapper.ToNote(n, line: 0));
            }
        }

        return earlier;
    }
}
