using Clientele.Core.Labels;

namespace Clientele.Core.Scoring;

/// <summary>
/// One reason for a client's score on a target: what it is about and its signed weight (the summed contributions
/// of the client's features about it; positive raises the score). Text is made of it only at an edge, by
/// <see cref="ReasonText"/>.
/// </summary>
public readonly record struct Reason(Target Target, ReasonSubject Subject, double Weight);
