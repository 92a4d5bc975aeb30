using Clientele.Storage.Store;
using Clientele.Storage.Tests.Infrastructure;

namespace Clientele.Storage.Tests;

/// <summary>
/// What every <see cref="IClienteleStore"/> must do, run once per implementation by a subclass that supplies a
/// fresh, empty database for each test.
/// </summary>
public abstract partial class StoreContract : IDisposable
{
    // Read from the steps, so adding a migration needs no edit here.
    private static readonly int LatestSchemaVersion = SchemaMigrations.Steps(new ColumnTypes("", "", "", "", "", "", "", "")).Max(s => s.Version);

    private readonly List<IClienteleStore> opened = [];
    private IClienteleStore? store;

    /// <summary>A new, not yet migrated store object on this test's database.</summary>
    protected abstract IClienteleStore CreateStore();

    /// <summary>Removes this test's database once every store is closed.</summary>
    protected abstract void DropDatabase();

    /// <summary>The migrated store most tests use.</summary>
    protected IClienteleStore Store => store ??= Migrated(NewStore());

    protected IClienteleStore NewStore()
    {
        var created = CreateStore();
        lock (opened)
        {
            opened.Add(created);
        }

        return created;
    }

    public void Dispose()
    {
        foreach (var s in opened)
        {
            s.Dispose();
        }

        DropDatabase();
        GC.SuppressFinalize(this);
    }

    private static IClienteleStore Migrated(IClienteleStore s)
    {
        s.Migrate();
        return s;
    }

    [StoreFact]
    public void Schema_version_is_zero_before_migration_and_latest_after()
    {
        var fresh = NewStore();
        Assert.Equal(0, fresh.SchemaVersion());
        fresh.Migrate();
        Assert.Equal(LatestSchemaVersion, fresh.SchemaVersion());
    }

    [StoreFact]
    public void Migrate_is_idempotent_and_keeps_data()
    {
        Store.SaveClients(Sample.Client("CA_001", "Mme Laurent"));
        Store.Migrate();
        Store.Migrate();
        var other = NewStore();
        other.Migrate();

        Assert.Equal(LatestSchemaVersion, other.SchemaVersion());
        Assert.Equal("Mme Laurent", other.GetClient("CA_001")?.DisplayName);
    }

    [StoreFact]
    public void Concurrent_migrations_apply_each_step_once()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => NewStore()).ToList();
        Parallel.ForEach(stores, new ParallelOptions { MaxDegreeOfParallelism = 4 }, s => s.Migrate());

        Assert.All(stores, s => Assert.Equal(LatestSchemaVersion, s.SchemaVersion()));
    }

    [StoreFact]
    public void Concurrent_writers_and_readers_do_not_fail()
    {
        const int Threads = 6;
        const int Rounds = 8;
        var shared = Store;
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();

        // Half the threads share one store object (as ASP.NET requests do), half open their own (as replicas do).
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            try
            {
                var s = t % 2 == 0 ? shared : NewStore();
                for (var round = 0; round < Rounds; round++)
                {
                    var id = $"T{t}_{round:00}";
                    s.SaveClients([Sample.Client(id, $"Client {t}")], [Sample.Note(id, "note")], [Sample.Concept(id, "gift")]);
                    s.SavePredictions([Sample.Prediction(id, Sample.T0.AddMinutes(round), 1000 * round)]);
                    s.QueryClients(new ClientQuery(Search: "client"));
                    s.LatestPredictions();
                }
            }
            catch (Exception e)
            {
                errors.Enqueue(e);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Empty(errors);
        Assert.Equal(Threads * Rounds, Store.QueryClients(new ClientQuery()).Total);
        Assert.Equal(Threads * Rounds, Store.LatestPredictions().Count);
    }
}
