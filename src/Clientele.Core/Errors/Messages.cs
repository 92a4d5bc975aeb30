namespace Clientele.Core.Errors;

/// <summary>Every user-facing error text, in one place, so wording stays consistent and reviewable.</summary>
public static class Messages
{
    public const string EmptyFile = "the file is empty; expected a CSV header line";
    public const string HeaderOnly = "the file has a header but no data rows";
    public const string NotUtf8 = "the file is not UTF-8 text (found bytes that are not valid UTF-8; UTF-16 and Latin-1 are not supported, save it as UTF-8)";
    public const string BinaryContent = "the file contains NUL bytes; expected a UTF-8 CSV text file";
    public const string LexiconNoConcepts = "the lexicon has no usable concept (every row lacks an id or an alias of 2+ characters)";
    public const string LabelsNoTarget = "the labels file has none of the target columns purchased, churned, lifetime_value";
    public const string BundleDamaged = "the model bundle is damaged";
    public const string DuplicateColumns = "the header names a column more than once; every column needs a distinct name";

    public static string MissingColumn(string what, IEnumerable<string> accepted, IEnumerable<string> found) =>
        $"no {what} column; expected one of [{string.Join(", ", accepted)}], found [{string.Join(", ", found)}]";

    public static string WrongDelimiter(char delimiter) =>
        $"the header looks {(delimiter == '\t' ? "tab" : $"'{delimiter}'")}-separated; expected a comma-separated CSV";

    public static string BlankId => "blank client id";

    public static string SwallowedRows(long lines) =>
        $"this quoted note spans {lines} lines and contains row-like lines; an unbalanced quote may have merged the following rows into it";

    public static string BlankText => "blank note text";

    public static string BadDate(string value) => $"date '{Truncate(value)}' is not an ISO date (yyyy-MM-dd)";

    public static string FieldTooLong(int length, int max) => $"field of {length:N0} characters is longer than the limit of {max:N0}";

    public static string TooManyColumns(int count, int max) => $"row has {count:N0} columns, more than the limit of {max:N0}";

    public static string UnterminatedQuote => "a quoted field is never closed (unbalanced \")";

    public static string BadBinary(string column, string value) =>
        $"{column} = '{Truncate(value)}' is not a binary label; expected 0/1, true/false or yes/no";

    public static string BadNumber(string column, string value) =>
        $"{column} = '{Truncate(value)}' is not a finite non-negative number";

    public static string DuplicateLabel(string clientId) => $"client '{Truncate(clientId)}' has more than one label row";

    public static string BundleMissingPart(string part) => $"the model bundle has no '{part}'; it is damaged or incomplete";

    public static string BundleVersion(int found, int oldest, int newest) =>
        $"the model bundle has format version {found}; this version of Clientele reads versions {oldest} to {newest}";

    public static string BundleChecksum(string part) =>
        $"the model bundle part '{part}' does not match its checksum; the bundle is damaged";

    public static string LexiconMismatch => "the lexicon differs from the one the model was trained with";

    public static string Truncate(string value, int max = 40) =>
        value.Length <= max ? value : value[..max] + "…";
}
