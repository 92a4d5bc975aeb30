using Clientele.Core.Bundles;
using Clientele.Core.Concepts;
using Clientele.Core.Scoring;

namespace Clientele.Server.Models;

/// <summary>
/// One active model, immutable: the bundle, its scorer and concept matcher (both built once, shared by
/// every request) and its version name. A request takes one snapshot and uses only it.
/// </summary>
public sealed class ModelSnapshot(string version, ModelBundle bundle)
{
    public string Version { get; } = version;

    public ModelBundle Bundle { get; } = bundle;

    public Scorer Scorer { get; } = new(bundle);

    public ConceptMatcher Matcher { get; } = ConceptMatcher.Build(bundle.Lexicon);

    public DateTimeOffset ActivatedAt { get; } = DateTimeOffset.UtcNow;
}
