using Clientele.Storage.Store;
using Clientele.Storage.Tests.Infrastructure;

namespace Clientele.Storage.Tests;

public abstract partial class StoreContract
{
    [StoreFact]
    public void Contacts_come_back_newest_first_and_the_last_one_per_client_respects_the_as_of_date()
    {
        var day = new DateOnly(2026, 3, 1);
        Store.SaveContact(new ContactRecord("A", day, "phone", "reached", "Claire", "k1", Sample.T0));
        Store.SaveContact(new ContactRecord("A", day.AddDays(10), "email", "no_answer", "Claire", "k1", Sample.T0));
        Store.SaveContact(new ContactRecord("B", day.AddDays(3), "in_store", "purchase", null, null, Sample.T0));
        var a = Store.GetContacts("A");
        Assert.Equal(["no_answer", "reached"], a.Select(c => c.Outcome));
        Assert.Equal(day.AddDays(10), a[0].Date);
        Assert.Equal("Claire", a[0].Advisor);
        var last = Store.LastContacts(day.AddDays(5));
        Assert.Equal(day, last["A"]);
        Assert.Equal(day.AddDays(3), last["B"]);
        Assert.Empty(Store.GetContacts("C"));
    }

    [StoreFact]
    public void Advisors_are_replaced_per_client_and_assignments_per_client_and_date()
    {
        Store.SaveAdvisors(new Dictionary<string, string> { ["A"] = "Claire", ["B"] = "Hugo" });
        Store.SaveAdvisors(new Dictionary<string, string> { ["B"] = "Claire" });
        Assert.Equal("Claire", Store.Advisors()["B"]);
        Assert.Equal(2, Store.Advisors().Count);
        var asOf = new DateOnly(2026, 3, 1);
        Store.SaveAssignments([new AssignmentRecord("A", asOf, "contact", "vip-at-risk", "personal_call", asOf.AddDays(2)),
            new AssignmentRecord("B", asOf, "control", "birthday-gift", "gift_proposal", asOf.AddDays(5))]);
        Store.SaveAssignments([new AssignmentRecord("A", asOf, "control", "vip-at-risk", "personal_call", asOf.AddDays(2))]);
        var all = Store.ListAssignments();
        Assert.Equal(2, all.Count);
        Assert.Equal("control", all.Single(x => x.ClientId == "A").Group);
        Assert.Equal(asOf.AddDays(5), all.Single(x => x.ClientId == "B").Due);
    }
}
