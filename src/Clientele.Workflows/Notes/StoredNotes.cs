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
            foreach (var item in items)
            {
                foreach (var n in store.GetNotes(item.Client.ClientId))
                {
                    // Line numbers as a CSV would have them (header on line 1), so messages read the same.
                    notes.Add(RecordMapper.ToNote(n, notes.Count + 2));
                }
            }

            if (items.Count == 0 || page * PageSize >= total)
            {
                return notes;
            }
        }
    }
}
