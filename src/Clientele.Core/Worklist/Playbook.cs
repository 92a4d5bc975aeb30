using Clientele.Core.Occasions;

namespace Clientele.Core.Worklist;

/// <summary>
/// A maison's rules mapping what is known of a client to an action (DESIGN §14). Rules are tried by priority, then
/// in file order; the first that holds gives the client's action, so a client is proposed one thing at a time.
/// </summary>
public sealed class Playbook
{
    /// <summary>The resource name of the documented default playbook.</summary>
    public const string DefaultResource = "Clientele.Core.Worklist.default-playbook.yaml";

    private static readonly Lazy<Playbook> DefaultInstance = new(() =>
    {
        using var stream = typeof(Playbook).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"resource {DefaultResource} missing from the assembly");
        using var reader = new StreamReader(stream);
        return PlaybookYaml.Read(reader, "default-playbook.yaml");
    });

    public Playbook(string name, IReadOnlyList<PlaybookRule> rules)
    {
        Name = name;
        Rules = rules.Select((r, i) => (r, i)).OrderBy(x => x.r.Priority).ThenBy(x => x.i).Select(x => x.r).ToList();
    }

    /// <summary>The shipped playbook (<c>Worklist/Resources/default-playbook.yaml</c>).</summary>
    public static Playbook Default => DefaultInstance.Value;

    /// <summary>Where the rules came from (a file name, or the default's).</summary>
    public string Name { get; }

    /// <summary>The rules in the order they are tried.</summary>
    public IReadOnlyList<PlaybookRule> Rules { get; }

    /// <summary>The first rule that holds for the client, with the occasion it matched and its next date; null when none does.</summary>
    public (PlaybookRule Rule, Occasion? Occasion, DateOnly? OccasionDate)? Match(WorklistClient client, DateOnly asOf)
    {
        foreach (var rule in Rules)
        {
            if (rule.When.Matches(client, asOf, out var occasion, out var date))
            {
                return (rule, occasion, date);
            }
        }

        return null;
    }
}
