using Clientele.Core.Bundles;
using Clientele.Core.Concepts;
using Clientele.Core.Scoring;

namespace Clientele.Server.Models;

/// <summary>
/// One active model, immutable: the bundle, its scorers and concept matcher (all built when the snapshot is made,
/// shared by every request) and its version name. A request takes one snapshot and uses only it.
/// </summary>
public sealed class ModelSnapshot(string version, ModelBundle bundle)
{
    public string Version { get; } = version;

    public ModelBundle Bundle { get; } = bundle;

    public Scorer Scorer { get; } = new(bundle);

    /// <summary>
    /// The scorer of an upload a person waits on (<c>POST /api/predict</c>): reasons from exact TreeSHAP, measured more
    /// faithful than Saabas and about 13× its cost, which a request's few clients afford and a nightly batch does not
    /// (docs/BENCHMARKS.md, "Saabas against exact tree SHAP").
    /// </summary>
    public Scorer ExplainingScorer { get; } = new(bundle) { ReasonMethod = ReasonMethod.TreeShap };

    /// <summary>
    /// Built here, before the snapshot can be swapped in: an activation serves a model that is ready, and the first
    /// requests on it do not queue behind its matcher.
    /// </summary>
    public ConceptMatcher Matcher { get; } = bundle.Matcher;

    public DateTimeOffset ActivatedAt { get; } = DateTimeOffset.UtcNow;
}
