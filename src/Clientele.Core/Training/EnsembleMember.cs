namespace Clientele.Core.Training;

/// <summary>One trained learner of a target model, with its calibration (forests only).</summary>
public sealed record EnsembleMember(MemberKind Kind, Microsoft.ML.ITransformer Model, PlattCalibrator Calibration);
