using System.ComponentModel;
using Clientele.Core.Columns;
using Spectre.Console.Cli;

namespace Clientele.Cli.Infrastructure;

/// <summary>Options of the verbs that type the notes' extra columns (train and the verbs that train, inspect).</summary>
public class ColumnSettings : NotesSettings
{
    [CommandOption("--ignore-column <NAME>")]
    [Description("Leave this extra column of the notes out of the features (repeat for several). A name the file lacks is an error.")]
    public string[] IgnoreColumns { get; init; } = [];

    [CommandOption("--column-type <NAME=TYPE>")]
    [Description("Use TYPE (numeric, categorical, date, text or ignore) for an extra column instead of the inferred one (repeat for several). Identifiers stay out.")]
    public string[] ColumnTypes { get; init; } = [];

    [CommandOption("--force-column <NAME>")]
    [Description("Keep this extra column even when the leakage guard finds it predicts a target almost perfectly (repeat for several).")]
    public string[] ForceColumns { get; init; } = [];

    /// <summary>The parsed overrides (valid after <see cref="Validate"/>).</summary>
    public ColumnOverrides ColumnOverrides
    {
        get
        {
            var types = new Dictionary<string, ColumnType>(StringComparer.OrdinalIgnoreCase);
            foreach (var option in ColumnTypes)
            {
                if (ColumnOverrides.TryParseType(option, out var name, out var type, out _))
                {
                    types[name] = type;
                }
            }

            return new ColumnOverrides { Ignore = IgnoreColumns, Types = types, Force = ForceColumns };
        }
    }

    public override Spectre.Console.ValidationResult Validate()
    {
        foreach (var option in ColumnTypes)
        {
            if (!ColumnOverrides.TryParseType(option, out _, out _, out var error))
            {
                return Spectre.Console.ValidationResult.Error(error);
            }
        }

        return base.Validate();
    }
}
