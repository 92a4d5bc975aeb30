namespace Clientele.Core.Ingest;

/// <summary>One row that could not be used, and why.</summary>
public sealed record RowIssue(long Line, int? Column, string Reason)
{
    /// <summary>Prefix of <see cref="Reason"/> for a row that was kept with a problem.</summary>
    public const string WarningPrefix = "warning: ";

    /// <summary>True for a kept row with a problem; false for a rejected row.</summary>
    public bool IsWarning => Reason.StartsWith(WarningPrefix, StringComparison.Ordinal);
}

/// <summary>
/// What happened to every row of an input: read, accepted, rejected with reasons. Nothing is dropped
/// without a line here; only the first <see cref="MaxDetailed"/> issues are kept in detail.
/// </summary>
public sealed class IngestReport(string source)
{
    /// <summary>Detailed issues kept; the count goes on past it so memory stays bounded on a hostile file.</summary>
    public const int MaxDetailed = 1000;

    private readonly List<RowIssue> _issues = [];

    public string Source { get; } = source;

    public long RowsRead { get; set; }

    public long Accepted { get; set; }

    public long Rejected { get; private set; }

    /// <summary>Rows kept but with a problem worth telling (a bad date, a formula-looking cell).</summary>
    public long Warnings { get; private set; }

    public IReadOnlyList<RowIssue> Issues => _issues;

    /// <summary>The detailed issues of rejected rows, in file order.</summary>
    public IEnumerable<RowIssue> Rejections => _issues.Where(i => !i.IsWarning);

    /// <summary>The detailed issues of rows kept with a warning, in file order.</summary>
    public IEnumerable<RowIssue> WarningIssues => _issues.Where(i => i.IsWarning);

    public void Reject(long line, int? column, string reason)
    {
        Rejected++;
        Add(new RowIssue(line, column, reason));
    }

    public void Warn(long line, int? column, string reason)
    {
        Warnings++;
        Add(new RowIssue(line, column, RowIssue.WarningPrefix + reason));
    }

    /// <summary>A one-line summary for a terminal or a log.</summary>
    public string Summary() =>
        $"{Source}: {RowsRead:N0} rows read, {Accepted:N0} accepted, {Rejected:N0} rejected" +
        (Warnings > 0 ? $", {Warnings:N0} warnings" : string.Empty);

    private void Add(RowIssue issue)
    {
        if (_issues.Count < MaxDetailed)
        {
            _issues.Add(issue);
        }
    }
}
