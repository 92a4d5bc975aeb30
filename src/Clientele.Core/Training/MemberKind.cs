namespace Clientele.Core.Training;

/// <summary>The learners a target model may combine.</summary>
public enum MemberKind
{
    /// <summary>Random forest (ML.NET FastForest regression: leaf means of 0/1 labels are probabilities).</summary>
    Forest,

    /// <summary>Gradient-boosted trees (ML.NET LightGbm).</summary>
    Boosting,

    /// <summary>Logistic regression (L-BFGS) or ridge regression (SDCA) on standardised features.</summary>
    Linear,
}
