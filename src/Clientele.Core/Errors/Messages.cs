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

    public static string NoUsableRow(long rows, long firstLine, string firstReason) =>
        $"none of the {rows:N0} rows is usable; first problem: line {firstLine}: {firstReason}";

    public static string MissingColumn(string what, IEnumerable<string> accepted, IEnumerable<string> found) =>
        $"no {what} column; expected one of [{string.Join(", ", accepted)}], found [{string.Join(", ", found)}]";

    public static string WrongDelimiter(char delimiter) =>
        $"the header looks {(delimiter == '\t' ? "tab" : $"'{delimiter}'")}-separated; expected a comma-separated CSV";

    public static string BlankId => "blank client id";

    public static string SwallowedRows(long lines) =>
        $"this quoted note spans {lines} lines and contains row-like lines; an unbalanced quote may have merged the following rows into it";

    public static string BlankText => "blank note text";

    /// <summary>A consent cell that is none of the accepted values.</summary>
    public static string BadConsent(string value, IEnumerable<string> accepted) =>
        $"consent '{Truncate(value)}' is not one of {string.Join(", ", accepted)} (or blank)";

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

    /// <summary>What a segment rule must be: three ascending bounds per axis.</summary>
    public const string SegmentBoundsExpected = "expected three finite ascending bounds for value and for risk";

    public static string BundleChecksum(string part) =>
        $"the model bundle part '{part}' does not match its checksum; the bundle is damaged";

    public static string LexiconMismatch => "the lexicon differs from the one the model was trained with";

    public static string Truncate(string value, int max = 40) =>
        value.Length <= max ? value : value[..max] + "…";

    // Issue 14: nothing silent. Appended below; the members above are kept for callers not yet moved.

    /// <summary>What Clientele reads, said the same way wherever an encoding is refused.</summary>
    public const string AcceptedEncodings = "accepted: UTF-8 with or without a byte-order mark, UTF-16 LE or BE with a byte-order mark";

    /// <summary>Invalid bytes, where they are and what is accepted (the location goes in the exception).</summary>
    public static string NotUtf8At(long line, long column, IReadOnlyList<byte> bytes) =>
        $"invalid UTF-8 at line {line}, column {column} (bytes {string.Join(' ', bytes.Select(b => $"0x{b:X2}"))}); {AcceptedEncodings}; save the file as UTF-8";

    /// <summary>Invalid text whose position the decoder does not know (e.g. a broken UTF-16 surrogate).</summary>
    public const string NotValidText = "the file is not valid text in its encoding; " + AcceptedEncodings + "; save the file as UTF-8";

    public static string QuoteNeverClosed(long openLine, long lines) =>
        $"the quote opened on line {openLine} is never closed: it swallows the rest of the file ({lines:N0} lines); close it, or double the quote (\"\") if it is part of the text";

    public static string QuoteMergedRows(long openLine, long closeLine) =>
        $"the quote opened on line {openLine} is closed only on line {closeLine} and text follows it: an unbalanced quote has merged rows {openLine}-{closeLine}; close the quote on its line or double it (\"\")";

    public static string QuoteInsideField(long openLine, long lines) =>
        $"a quote inside an unquoted field on line {openLine} opens a quoted section that runs over {lines:N0} lines and merges the rows after it; quote the whole field and double the inner quote (\"\")";

    public static string TextAfterClosingQuote => "text follows the closing quote of a quoted field; double a quote that is part of the text (\"\")";

    public static string ExtraFields(int fields, int header, int firstExtra) =>
        $"row has {fields} fields but the header has {header}: the note was cut at an unquoted separator before field {firstExtra}; quote the note, or merge the extra fields into the text (--merge-extra-fields)";

    public static string ExtraFieldsMerged(int extra) =>
        $"{extra} extra field{(extra == 1 ? string.Empty : "s")} rejoined into the note text";

    public static string TooManyBadRows(long rejected, long rowsRead, string allowance, IEnumerable<string> first) =>
        $"{rejected:N0} of {rowsRead:N0} rows rejected, more than allowed (--max-bad-rows {allowance}): {string.Join("; ", first)}";

    public static string UnknownLabelColumns(IEnumerable<string> unknown, IEnumerable<string> accepted) =>
        $"unknown label column{(unknown.Count() == 1 ? string.Empty : "s")} [{string.Join(", ", unknown)}]; accepted columns are [{string.Join(", ", accepted)}]";

    public static string LabelsNoUsableTarget(IEnumerable<string> columns) =>
        $"the labels file has no usable target: the columns [{string.Join(", ", columns)}] have no value in any row";

    public static string TooFewLabels(string target, long labelled, long minority, int minClients, int minMinority) =>
        $"too few labelled clients to fit {target}: {labelled:N0} clients with a label (at least {minClients} needed)" +
        (minority >= 0 ? $", {minority:N0} in the rarer class (at least {minMinority} needed)" : string.Empty) +
        "; add labels, or allow it (--allow-small)";

    public static string LabelsMatchNoClient(string source) =>
        $"no client of the notes has a label in {source}; check that the client ids are the same";

    public const string BadNegationCue = "negation cue row needs a position (before, after or break) and a window (characters, 0 or more)";
}
