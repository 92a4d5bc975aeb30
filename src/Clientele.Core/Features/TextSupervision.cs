namespace Clientele.Core.Features;

/// <summary>
/// What the text channel may learn its vocabulary from: which profiles are training clients (in no target's test
/// set) and their outcomes, by profile index. Words are then ranked by their association with an outcome on those
/// clients only, so the test clients never shape the vocabulary.
/// </summary>
/// <param name="Training">Per profile, true when it is a training client of every target.</param>
/// <param name="Outcomes">Per target, per profile, the outcome (1/0, or the value), or null when unknown.</param>
public sealed record TextSupervision(IReadOnlyList<bool> Training, IReadOnlyList<IReadOnlyList<double?>> Outcomes);
