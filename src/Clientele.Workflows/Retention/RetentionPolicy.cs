using Clientele.Storage.Store;

namespace Clientele.Workflows.Retention;

/// <summary>
/// How long personal data and models are kept (server: <c>Clientele:Retention</c>; CLI: <c>clientele retention</c>).
/// Every bound is optional: unset keeps that kind forever. Days count back from the day of the pass (UTC).
/// </summary>
public sealed class RetentionPolicy
{
    /// <summary>Notes dated more than this many days ago are deleted (undated notes are kept).</summary>
    public int? NotesDays { get; set; }

    /// <summary>Predictions scored more than this many days ago are deleted, each client's latest one kept.</summary>
    public int? PredictionsDays { get; set; }

    /// <summary>Only the newest this many model versions are kept (the active one always); exclusive with <see cref="VersionsDays"/>.</summary>
    public int? VersionsKeep { get; set; }

    /// <summary>Model versions created more than this many days ago are deleted (the active one never); exclusive with <see cref="VersionsKeep"/>.</summary>
    public int? VersionsDays { get; set; }

    /// <summary>True when no bound is set: a pass then only removes orphan bundle folders.</summary>
    public bool IsEmpty => NotesDays is null && PredictionsDays is null && VersionsKeep is null && VersionsDays is null;

    /// <summary>What is wrong with the policy, or null when it is valid.</summary>
    public string? Problem()
    {
        if (VersionsKeep is not null && VersionsDays is not null)
        {
            return WorkflowMessages.RetentionVersionsExclusive;
        }

        foreach (var (name, value) in new[] { ("notes days", NotesDays), ("predictions days", PredictionsDays), ("versions keep", VersionsKeep), ("versions days", VersionsDays) })
        {
            if (value is < 1)
            {
                return WorkflowMessages.RetentionBound(name, value.Value);
            }
        }

        return null;
    }

    /// <summary>The store's cutoffs for a pass at <paramref name="now"/>.</summary>
    public RetentionCutoffs CutoffsAt(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return new RetentionCutoffs(
            NotesDays is { } n ? today.AddDays(-n) : null,
            PredictionsDays is { } p ? now.AddDays(-p) : null,
            VersionsKeep,
            VersionsDays is { } v ? now.AddDays(-v) : null);
    }
}
