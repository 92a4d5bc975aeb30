namespace Clientele.Core.Errors;

/// <summary>User-facing texts about extra columns, the schema report and lexicon overlays (issue 13).</summary>
public static class ColumnMessages
{
    public static string UnknownColumn(string name, string option, IEnumerable<string> columns)
    {
        var list = columns.ToList();
        return $"{option} names column '{Messages.Truncate(name)}', which the notes file does not have; its extra columns are [{string.Join(", ", list)}]" +
            (list.Count == 0 ? " (none: the file has only id, date, language and text)" : string.Empty);
    }

    public static string BadColumnType(string option) =>
        $"--column-type '{Messages.Truncate(option)}' is not NAME=TYPE with TYPE one of numeric, categorical, date, text, ignore";

    public static string SchemaVersion(int found, int newest) =>
        $"the model's column schema has format version {found}; this version of Clientele reads versions 1 to {newest}";

    public static string OverlayDuplicate(string id) =>
        $"concept id '{Messages.Truncate(id)}' is already in the lexicon; an overlay adds new concepts (give it another id)";

    public static string OverlayNoAlias => "the row has no alias of 2+ characters (aliases are separated by |)";

    public static string OverlayBlankId => "blank concept id";

    public static string OverlayBadCategory(string category, IEnumerable<string> accepted) =>
        $"category '{Messages.Truncate(category)}' is not one of [{string.Join(", ", accepted)}] (or blank)";
}
