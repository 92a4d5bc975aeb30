using System.Text.Json.Nodes;
using Clientele.Core.Bundles;
using Clientele.Core.Training;

namespace Clientele.Workflows.Training;

/// <summary>A version saved on disk (and recorded when asked): its name, directory, bundle, the fitted models and the report JSON.</summary>
public sealed record TrainedVersion(string Version, string Directory, ModelBundle Bundle, TrainedModel Model, JsonObject Report);
