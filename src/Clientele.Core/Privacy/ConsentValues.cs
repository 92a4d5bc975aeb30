using System.Reflection;

namespace Clientele.Core.Privacy;

/// <summary>
/// The consent states a notes file's <c>consent</c> column may record, and the values that spell them
/// (<c>Resources/consent_values.tsv</c>: <c>yes</c>/<c>granted</c>, <c>no</c>/<c>withdrawn</c>, <c>objected</c>). The
/// states are the store's (<c>ConsentStates</c>): a withdrawn or objecting client is not scored nor listed.
/// </summary>
public static class ConsentValues
{
    /// <summary>The client agreed to profiling.</summary>
    public const string Granted = "granted";

    /// <summary>The client withdrew an earlier consent.</summary>
    public const string Withdrawn = "withdrawn";

    /// <summary>The client objected to profiling (GDPR art. 21).</summary>
    public const string Objected = "objected";

    private const string Resource = "Clientele.Core.Privacy.consent_values.tsv";

    private static readonly Lazy<Dictionary<string, string>> Table = new(Load);

    /// <summary>Every accepted value, in file order, for messages.</summary>
    public static IReadOnlyList<string> Accepted => [.. Table.Value.Keys];

    /// <summary>The state <paramref name="value"/> records; false when it is not an accepted value.</summary>
    public static bool TryParse(string value, out string state)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Table.Value.TryGetValue(value.Trim(), out state!);
    }

    /// <summary>True when a client in <paramref name="state"/> must not be scored, listed or exported to campaigns.</summary>
    public static bool Suppresses(string? state) => state is Withdrawn or Objected;

    private static Dictionary<string, string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException("built-in consent values resource missing from the assembly");
        using var reader = new StreamReader(stream);
        // Insertion order is kept by Dictionary while nothing is removed: the messages list values in file order.
        var table = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 2 || parts[1] is not (Granted or Withdrawn or Objected))
            {
                throw new InvalidOperationException($"consent_values.tsv: bad row '{line}'");
            }

            table[parts[0].Trim()] = parts[1];
        }

        return table;
    }
}
