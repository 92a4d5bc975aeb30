namespace Clientele.Storage.Store;

/// <summary>
/// What a retention pass may delete: notes dated before <paramref name="NotesBefore"/>, predictions scored before
/// <paramref name="PredictionsBefore"/> (each client's latest kept: it is the current score, replaced at the next
/// scoring), and model versions beyond the <paramref name="VersionsKeep"/> newest or created before
/// <paramref name="VersionsBefore"/>; the active version is never deleted. A null bound deletes nothing of its kind.
/// </summary>
public sealed record RetentionCutoffs(DateOnly? NotesBefore, DateTimeOffset? PredictionsBefore, int? VersionsKeep, DateTimeOffset? VersionsBefore);

/// <summary>What a retention pass deleted (or, in a dry run, would delete): counts of notes and predictions and the versions.</summary>
public sealed record RetentionRecord(int Notes, int Predictions, IReadOnlyList<ModelVersionRecord> Versions);
