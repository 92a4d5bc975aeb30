namespace Clientele.Core.Worklist;

/// <summary>
/// How a worklist is drawn up: the horizon (<see cref="Days"/>), one advisor's clients only, the quiet period after a
/// logged contact, the control group's share and seed, and the language of labels and reasons.
/// <see cref="Build"/> applies a playbook to clients as of a date.
/// </summary>
public sealed record WorklistOptions
{
    /// <summary>Actions due within this many days of the as-of date are listed.</summary>
    public int Days { get; init; } = Defaults.WorklistDays;

    /// <summary>Only this advisor's clients (null: everyone's).</summary>
    public string? Advisor { get; init; }

    /// <summary>A client with a contact logged fewer than this many days before the as-of date is left off.</summary>
    public int QuietDays { get; init; } = Defaults.ContactQuietDays;

    /// <summary>Share of eligible clients held out as the control group (0 holds none out).</summary>
    public double ControlShare { get; init; } = Defaults.ControlShare;

    /// <summary>Seed of the control group's assignment.</summary>
    public int ControlSeed { get; init; } = Defaults.Seed;

    /// <summary>Language of action labels and reasons (<see cref="WorklistPhrases.Languages"/>).</summary>
    public string Language { get; init; } = WorklistPhrases.Fallback;

    /// <summary>
    /// The worklist of <paramref name="clients"/> under <paramref name="playbook"/> as of <paramref name="asOf"/>: rows
    /// by priority, due date, then client id. A client's row depends only on its own data, the playbook and the seed.
    /// </summary>
    public WorklistResult Build(IEnumerable<WorklistClient> clients, Playbook playbook, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(playbook);
        var listed = new List<WorklistEntry>();
        var held = new List<WorklistEntry>();
        int quiet = 0, noRule = 0, later = 0;
        foreach (var client in clients)
        {
            if (Advisor is { } advisor && !string.Equals(client.Advisor, advisor, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (client.LastLoggedContact is { } contact && asOf.DayNumber - contact.DayNumber < QuietDays && contact <= asOf)
            {
                quiet++;
                continue;
            }

            if (playbook.Match(client, asOf) is not var (rule, occasion, occasionDate))
            {
                noRule++;
                continue;
            }

            var due = rule.DueBeforeOccasion is { } before && occasionDate is { } day ? day.AddDays(-before) : asOf.AddDays(rule.DueDays);
            due = due < asOf ? asOf : due;
            if (due.DayNumber - asOf.DayNumber > Days)
            {
                later++;
                continue;
            }

            var control = ControlGroup.IsHeldOut(client.ClientId, ControlShare, ControlSeed);
            var entry = new WorklistEntry(client.ClientId, client.Advisor, rule.Id, rule.Action, WorklistPhrases.Action(rule.Action, Language), rule.Channel,
                rule.Priority, due, ReasonSentence.For(client, occasion, occasionDate, asOf, Language), client.LastContact, client.DaysSincePurchase, control);
            (control ? held : listed).Add(entry);
        }

        return new WorklistResult(asOf, Order(listed), Order(held)) { RecentlyContacted = quiet, NoRule = noRule, DueLater = later };
    }

    private static List<WorklistEntry> Order(List<WorklistEntry> rows) =>
        rows.OrderBy(r => r.Priority).ThenBy(r => r.Due).ThenBy(r => r.ClientId, StringComparer.Ordinal).ToList();
}
