namespace Clientele.Core.Columns;

/// <summary>
/// What the user says about extra columns: columns to leave out, types to use instead of the inferred ones, and
/// columns to keep despite the leakage guard. Names are matched case-insensitively; a name the file lacks is an error.
/// </summary>
public sealed record ColumnOverrides
{
    /// <summary>Columns left out (<c>--ignore-column</c>).</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary>Types set by hand (<c>--column-type NAME=TYPE</c>); <see cref="ColumnType.Ignore"/> leaves the column out.</summary>
    public IReadOnlyDictionary<string, ColumnType> Types { get; init; } = new Dictionary<string, ColumnType>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Columns kept even when the leakage guard would leave them out (<c>--force-column</c>).</summary>
    public IReadOnlyList<string> Force { get; init; } = [];

    /// <summary>No override.</summary>
    public static ColumnOverrides None { get; } = new();

    /// <summary>Every column name the overrides mention.</summary>
    public IEnumerable<(string Name, string Option)> Named() =>
        Ignore.Select(n => (n, "--ignore-column")).Concat(Types.Keys.Select(n => (n, "--column-type"))).Concat(Force.Select(n => (n, "--force-column")));

    /// <summary>Parses "NAME=numeric|categorical|date|text|ignore"; false with a message when it is not that.</summary>
    public static bool TryParseType(string option, out string name, out ColumnType type, out string error)
    {
        ArgumentNullException.ThrowIfNull(option);
        name = string.Empty;
        type = ColumnType.Ignore;
        var eq = option.LastIndexOf('=');
        if (eq <= 0 || eq == option.Length - 1)
        {
            error = Errors.ColumnMessages.BadColumnType(option);
            return false;
        }

        name = option[..eq].Trim();
        var kind = option[(eq + 1)..].Trim().ToLowerInvariant();
        (var ok, type) = kind switch
        {
            "numeric" => (true, ColumnType.Numeric),
            "categorical" => (true, ColumnType.Categorical),
            "date" => (true, ColumnType.Date),
            "text" => (true, ColumnType.Text),
            "ignore" => (true, ColumnType.Ignore),
            _ => (false, ColumnType.Ignore),
        };
        error = ok ? string.Empty : Errors.ColumnMessages.BadColumnType(option);
        return ok;
    }
}
