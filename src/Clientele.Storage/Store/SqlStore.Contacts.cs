using Dapper;

namespace Clientele.Storage.Store;

public abstract partial class SqlStore
{
    public void SaveContact(ContactRecord contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        InTransaction((c, tx) => c.Execute(
            """
            INSERT INTO contacts (client_id, contacted_on, channel, outcome, advisor, key_id, recorded_at)
            VALUES (@ClientId, @Date, @Channel, @Outcome, @Advisor, @KeyId, @RecordedAt)
            """,
            new
            {
                contact.ClientId, Date = DateValue(contact.Date), contact.Channel, contact.Outcome, contact.Advisor, contact.KeyId,
                RecordedAt = TimestampValue(contact.RecordedAt),
            },
            tx));
    }

    public IReadOnlyList<ContactRecord> GetContacts(string clientId) =>
        WithConnection(c => Query(
            c,
            """
            SELECT client_id, contacted_on, channel, outcome, advisor, key_id, recorded_at FROM contacts
            WHERE client_id = @clientId ORDER BY contacted_on DESC, id DESC
            """,
            new { clientId },
            r => new ContactRecord(r.GetString(0), ReadDate(r, 1), r.GetString(2), r.GetString(3), ReadNullableString(r, 4), ReadNullableString(r, 5), ReadTimestamp(r, 6))));

    public IReadOnlyDictionary<string, DateOnly> LastContacts(DateOnly asOf) =>
        WithConnection(c => Query(
            c,
            "SELECT client_id, MAX(contacted_on) FROM contacts WHERE contacted_on <= @asOf GROUP BY client_id",
            new { asOf = DateValue(asOf) },
            r => (Id: r.GetString(0), Date: ReadDate(r, 1)))).ToDictionary(x => x.Id, x => x.Date, StringComparer.Ordinal);

    public void SaveAdvisors(IReadOnlyDictionary<string, string> advisors)
    {
        ArgumentNullException.ThrowIfNull(advisors);
        InTransaction((c, tx) =>
        {
            foreach (var (clientId, advisor) in advisors)
            {
                c.Execute(
                    "INSERT INTO client_advisors (client_id, advisor) VALUES (@clientId, @advisor) ON CONFLICT (client_id) DO UPDATE SET advisor = excluded.advisor",
                    new { clientId, advisor },
                    tx);
            }
        });
    }

    public IReadOnlyDictionary<string, string> Advisors() =>
        WithConnection(c => Query(c, "SELECT client_id, advisor FROM client_advisors", null, r => (Id: r.GetString(0), Advisor: r.GetString(1))))
            .ToDictionary(x => x.Id, x => x.Advisor, StringComparer.Ordinal);

    public void SaveAssignments(IReadOnlyList<AssignmentRecord> assignments)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        InTransaction((c, tx) =>
        {
            foreach (var a in assignments)
            {
                c.Execute(
                    """
                    INSERT INTO worklist_assignments (as_of, client_id, grp, rule_id, action, due) VALUES (@AsOf, @ClientId, @Group, @Rule, @Action, @Due)
                    ON CONFLICT (as_of, client_id) DO UPDATE SET grp = excluded.grp, rule_id = excluded.rule_id, action = excluded.action, due = excluded.due
                    """,
                    new { AsOf = DateValue(a.AsOf), a.ClientId, a.Group, a.Rule, a.Action, Due = DateValue(a.Due) },
                    tx);
            }
        });
    }

    public IReadOnlyList<AssignmentRecord> ListAssignments() =>
        WithConnection(c => Query(
            c,
            "SELECT client_id, as_of, grp, rule_id, action, due FROM worklist_assignments ORDER BY as_of, client_id",
            null,
            r => new AssignmentRecord(r.GetString(0), ReadDate(r, 1), r.GetString(2), r.GetString(3), r.GetString(4), ReadDate(r, 5))));
}
