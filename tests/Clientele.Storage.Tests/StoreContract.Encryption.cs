using System.Security.Cryptography;
using Clientele.Storage.Privacy;
using Clientele.Storage.Store;
using Clientele.Storage.Tests.Infrastructure;

namespace Clientele.Storage.Tests;

public abstract partial class StoreContract
{
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [StoreFact]
    public void Notes_written_under_a_data_key_read_back_as_written_and_need_the_key()
    {
        var keyed = Keyed(NewStore(), KeyA);
        keyed.SaveClients([Sample.Client("A")], [Sample.Note("A", "allergic to peanuts, Tuesday", Sample.Day)], []);
        Assert.Equal("allergic to peanuts, Tuesday", keyed.GetNotes("A").Single().Text);

        var error = Assert.Throws<InvalidOperationException>(() => Store.GetNotes("A"));
        Assert.Contains("not configured", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(KeyA, error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => Keyed(NewStore(), KeyB).GetNotes("A"));
    }

    [StoreFact]
    public void Rotation_re_encrypts_every_note_under_the_newest_key_so_the_old_one_can_go()
    {
        Store.SaveClients([Sample.Client("P")], [Sample.Note("P", "plain before keys", Sample.Day)], []);
        Keyed(NewStore(), KeyA).SaveClients([Sample.Client("A")], [Sample.Note("A", "under key A", Sample.Day), Sample.Note("A", "second", Sample.Day)], []);

        var both = Keyed(NewStore(), KeyA + "\n" + KeyB);
        Assert.Equal(3, both.RotateDataKey());
        Assert.Equal(0, both.RotateDataKey());

        var onlyB = Keyed(NewStore(), KeyB);
        Assert.Equal(["under key A", "second"], onlyB.GetNotes("A").Select(n => n.Text));
        Assert.Equal("plain before keys", onlyB.GetNotes("P").Single().Text);
        Assert.Throws<InvalidOperationException>(() => Store.RotateDataKey());
    }

    [StoreFact]
    public void A_data_key_that_is_not_32_bytes_of_base64_is_refused_without_echoing_it()
    {
        var error = Assert.Throws<ArgumentException>(() => DataKeyRing.Parse("c2hvcnQ=", "keys.txt"));
        Assert.Contains("keys.txt: entry 1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2hvcnQ=", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => DataKeyRing.Parse("# only a comment\n", "keys.txt"));
    }

    private static IClienteleStore Keyed(IClienteleStore store, string keys)
    {
        ((SqlStore)store).DataKeys = DataKeyRing.Parse(keys, "test");
        store.Migrate();
        return store;
    }
}
