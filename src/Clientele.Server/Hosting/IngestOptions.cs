using Clientele.Core.Errors;
using Clientele.Core.Ingest;

namespace Clientele.Server.Hosting;

/// <summary>
/// The API's <c>max_bad_rows</c> and <c>merge_extra_fields</c> (form field or query parameter), mapped to
/// <see cref="NotesCsvOptions"/> like the CLI's <c>--max-bad-rows</c> and <c>--merge-extra-fields</c>: by default any
/// rejected row is a 400 naming the rows; allowed rejections are listed in the answer's <c>ingest</c> block.
/// </summary>
public sealed record IngestOptions(RowAllowance MaxBadRows, bool MergeExtraFields, bool Given)
{
    /// <summary>Form field and query parameter names.</summary>
    public const string MaxBadRowsField = "max_bad_rows";

    /// <summary>Form field and query parameter name.</summary>
    public const string MergeExtraFieldsField = "merge_extra_fields";

    /// <summary>Reads both fields from the form (when there is one) or the query; a bad value is a 400.</summary>
    public static IngestOptions From(HttpRequest request, IFormCollection? form)
    {
        ArgumentNullException.ThrowIfNull(request);
        string Field(string name) => form?[name].ToString() is { Length: > 0 } f ? f : request.Query[name].ToString();
        var max = Field(MaxBadRowsField);
        var merge = Field(MergeExtraFieldsField);
        var allowance = RowAllowance.None;
        if (max.Length > 0 && !RowAllowance.TryParse(max, out allowance))
        {
            throw new ClienteleInputException(MaxBadRowsField, null, null, ServerMessages.BadMaxBadRows(max));
        }

        var merging = false;
        if (merge.Length > 0 && !bool.TryParse(merge, out merging))
        {
            throw new ClienteleInputException(MergeExtraFieldsField, null, null, ServerMessages.BadMergeExtraFields);
        }

        return new IngestOptions(allowance, merging, max.Length > 0 || merge.Length > 0);
    }

    /// <summary>The notes reader's options.</summary>
    public NotesCsvOptions Csv => new() { MaxBadRows = MaxBadRows, MergeExtraFields = MergeExtraFields };

    /// <summary>The <c>ingest</c> block: counts, warnings and rejections by line and column (reasons only, never note text).</summary>
    public static IngestView View(IngestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new IngestView(report.RowsRead, report.Accepted, report.Rejected, report.Warnings,
            [.. report.WarningIssues.Select(i => new IngestIssue(i.Line, i.Column, i.Reason[RowIssue.WarningPrefix.Length..]))],
            [.. report.Rejections.Select(i => new IngestIssue(i.Line, i.Column, i.Reason))]);
    }
}

/// <summary>One row issue: its line, column (when known) and why.</summary>
public sealed record IngestIssue(long Line, int? Column, string Reason);

/// <summary>What happened to the rows of an upload.</summary>
public sealed record IngestView(long RowsRead, long Accepted, long Rejected, long Warnings, IReadOnlyList<IngestIssue> WarningIssues, IReadOnlyList<IngestIssue> Rejections);

/// <summary>The JSON answer of <c>POST /api/predict</c> when <c>max_bad_rows</c> or <c>merge_extra_fields</c> is given.</summary>
public sealed record PredictWithIngest(IReadOnlyList<Scoring.ScoreView> Scores, IngestView Ingest);
