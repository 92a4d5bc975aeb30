using Clientele.Storage.Store;
using Clientele.Storage.Tests.Infrastructure;

namespace Clientele.Storage.Tests;

public abstract partial class StoreContract
{
    [StoreFact]
    public void Forgetting_a_client_removes_its_notes_concepts_predictions_consent_and_name_and_nothing_else()
    {
        Store.SaveScored([Sample.Client("A", "Mme Laurent"), Sample.Client("B", "M. Roy")],
            [Sample.Note("A", "likes silk", Sample.Day), Sample.Note("A", "a second note", Sample.Day), Sample.Note("B", "likes gold", Sample.Day)],
            [Sample.Concept("A", "silk"), Sample.Concept("B", "gold")],
            [Sample.Prediction("A", Sample.T0, 1), Sample.Prediction("A", Sample.T0.AddDays(1), 2), Sample.Prediction("B", Sample.T0, 3)]);
        Store.SetConsent("A", ConsentStates.Granted, Sample.T0);

        var erased = Store.ForgetClient("A", Sample.T0.AddDays(2));

        Assert.Equal(new ErasureRecord(Store.ClientHash("A"), true, 2, 1, 2), erased);
        Assert.Null(Store.GetClient("A"));
        Assert.Empty(Store.GetNotes("A"));
        Assert.Empty(Store.GetConcepts("A"));
        Assert.Empty(Store.GetPredictionHistory("A"));
        Assert.Null(Store.GetConsent("A"));
        Assert.DoesNotContain(Store.QueryClients(new ClientQuery(Search: "Laurent")).Items, s => s.Client.ClientId == "A");
        Assert.Equal("M. Roy", Store.GetClient("B")?.DisplayName);
        Assert.Single(Store.GetNotes("B"));
        Assert.Single(Store.GetPredictionHistory("B"));
    }

    [StoreFact]
    public void An_erased_client_stays_in_the_audit_only_as_a_keyed_hash()
    {
        Store.SaveClients(Sample.Client("CA_77"));
        Store.AppendAudit(new AuditRecord(Sample.T0, "k1", "client-read", "CA_77", "127.0.0.1", "200"));
        Store.AppendAudit(new AuditRecord(Sample.T0, "k1", "client-read", "CA_78", "127.0.0.1", "200"));

        var erased = Store.ForgetClient("CA_77", Sample.T0);

        var subjects = Store.ListAudit().Select(a => a.Subject).ToList();
        Assert.DoesNotContain("CA_77", subjects);
        Assert.Contains(erased.ClientHash, subjects);
        Assert.Contains("CA_78", subjects);
        Assert.StartsWith("hmac:", erased.ClientHash, StringComparison.Ordinal);
        Assert.DoesNotContain("CA_77", erased.ClientHash, StringComparison.Ordinal);
        Assert.Equal(erased.ClientHash, NewStore().ClientHash("CA_77"));
        Assert.NotEqual(erased.ClientHash, Store.ClientHash("CA_78"));
    }

    [StoreFact]
    public void Forgetting_an_unknown_client_says_so_and_changes_nothing_else()
    {
        Store.SaveClients(Sample.Client("A"));
        var erased = Store.ForgetClient("NOPE", Sample.T0);
        Assert.False(erased.Found);
        Assert.Equal(0, erased.Notes);
        Assert.NotNull(Store.GetClient("A"));
    }

    [StoreFact]
    public void Versions_trained_with_an_erased_client_are_counted_until_a_version_without_it()
    {
        Store.SaveTrainedVersion(Sample.Model("v1", 0), Sample.Run("r1", 0) with { ModelVersion = "v1" }, activate: false, ["A", "B", "C"]);
        Store.SaveTrainedVersion(Sample.Model("v2", 10), null, activate: false, ["A", "B"]);
        Assert.Empty(Store.ErasedMembersByVersion());

        Store.ForgetClient("A", Sample.T0);
        Store.ForgetClient("C", Sample.T0);
        Store.SaveTrainedVersion(Sample.Model("v3", 20), null, activate: false, ["B"]);

        var flagged = Store.ErasedMembersByVersion();
        Assert.Equal(2, flagged["v1"]);
        Assert.Equal(1, flagged["v2"]);
        Assert.False(flagged.ContainsKey("v3"));
        Assert.Equal("v1", Store.ActiveModelVersion()?.Version);
        Assert.Equal(["v3", "v2", "v1"], Store.ListModelVersions().Select(v => v.Version));
    }

    [StoreFact]
    public void Consent_is_recorded_per_client_and_objections_and_withdrawals_suppress()
    {
        Store.SetConsent("A", ConsentStates.Objected, Sample.T0);
        Store.SetConsent("B", ConsentStates.Withdrawn, Sample.T0);
        Store.SetConsent("C", ConsentStates.Granted, Sample.T0);
        Store.SetConsent("D", ConsentStates.Objected, Sample.T0);
        Store.SetConsent("D", ConsentStates.Granted, Sample.T0.AddDays(1));

        Assert.Equal(["A", "B"], Store.SuppressedClients().Order(StringComparer.Ordinal));
        Assert.Equal(new ConsentRecord("D", ConsentStates.Granted, Sample.T0.AddDays(1)), Store.GetConsent("D"));
        Assert.Null(Store.GetConsent("E"));
        Assert.Throws<ArgumentException>(() => Store.SetConsent("A", "maybe", Sample.T0));
    }

    [StoreFact]
    public void An_objection_deletes_the_clients_predictions_but_keeps_its_notes()
    {
        Store.SaveScored([Sample.Client("A"), Sample.Client("B")], [Sample.Note("A", "x", Sample.Day)], [],
            [Sample.Prediction("A", Sample.T0, 1), Sample.Prediction("B", Sample.T0, 2)]);
        Store.SetConsent("A", ConsentStates.Objected, Sample.T0);
        Assert.Empty(Store.GetPredictionHistory("A"));
        Assert.Single(Store.GetNotes("A"));
        Assert.Single(Store.GetPredictionHistory("B"));
    }

    [StoreFact]
    public void Audit_entries_about_one_client_are_listed_newest_first()
    {
        Store.AppendAudit(new AuditRecord(Sample.T0, "k1", "client-read", "A", null, "200"));
        Store.AppendAudit(new AuditRecord(Sample.T0.AddMinutes(1), "k1", "export", "A", null, "200"));
        Store.AppendAudit(new AuditRecord(Sample.T0.AddMinutes(2), "k1", "client-read", "B", null, "200"));
        Assert.Equal(["export", "client-read"], Store.ListAuditAbout("A").Select(a => a.Action));
    }
}

/// <summary>The states the notes' consent column records are the store's.</summary>
public sealed class ConsentStateNamesTests
{
    [Fact]
    public void The_consent_column_states_are_the_stores_consent_states()
    {
        Assert.Equal(ConsentStates.All, [Core.Privacy.ConsentValues.Granted, Core.Privacy.ConsentValues.Withdrawn, Core.Privacy.ConsentValues.Objected]);
        Assert.All(ConsentStates.All, s => Assert.Equal(ConsentStates.Suppresses(s), Core.Privacy.ConsentValues.Suppresses(s)));
    }
}
