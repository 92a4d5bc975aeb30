using Clientele.Storage.Keys;
using Clientele.Storage.Store;
using Clientele.Storage.Tests.Infrastructure;

namespace Clientele.Storage.Tests;

public abstract partial class StoreContract
{
    [StoreFact]
    public void Saving_scored_clients_is_one_transaction()
    {
        // A prediction of a client outside the batch fails the write: the clients of the batch must not stay behind.
        Assert.ThrowsAny<Exception>(() => Store.SaveScored([Sample.Client("A")], [Sample.Note("A", "x", Sample.Day)], [],
            [Sample.Prediction("A", Sample.T0, 1), Sample.Prediction("GHOST", Sample.T0, 2)]));
        Assert.Null(Store.GetClient("A"));

        Store.SaveScored([Sample.Client("A")], [Sample.Note("A", "x", Sample.Day)], [], [Sample.Prediction("A", Sample.T0, 1)]);
        Assert.NotNull(Store.GetClient("A"));
        Assert.Single(Store.GetPredictionHistory("A"));
    }

    [StoreFact]
    public void Keys_verify_by_keyed_hash_and_stop_when_revoked()
    {
        var book = new KeyBook(Store);
        var (record, key) = book.Create(Roles.Advisor, "Claire", Sample.T0);
        Assert.Equal(record, book.Verify(key));
        Assert.Null(book.Verify(key + "x"));
        Assert.DoesNotContain(key, Store.FindApiKey(record.KeyId)!.KeyHash, StringComparison.Ordinal);
        Assert.True(book.Revoke(record.KeyId, Sample.T0));
        Assert.Null(book.Verify(key));
        Assert.False(book.Revoke(record.KeyId, Sample.T0));
    }

    [StoreFact]
    public void Audit_entries_come_back_newest_first()
    {
        Store.AppendAudit(new AuditRecord(Sample.T0, "k1", "client-read", "A", "127.0.0.1", "200"));
        Store.AppendAudit(new AuditRecord(Sample.T0.AddMinutes(1), null, "sign-in-failure", null, "127.0.0.2", "401"));
        var entries = Store.ListAudit();
        Assert.Equal(["sign-in-failure", "client-read"], entries.Select(e => e.Action));
        Assert.Equal("k1", entries[1].KeyId);
    }
}
