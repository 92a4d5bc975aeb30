using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Clientele.Core.Training;

namespace Clientele.Server.Jobs;

/// <summary>The training report as the JSON object a bundle's metadata carries (snake_case, targets by name).</summary>
public static class ReportJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        // A metric can be undefined (AUC on a one-class test set); keep it visible rather than fail.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static JsonObject From(TrainingReport report) =>
        JsonSerializer.SerializeToNode(report, Options)?.AsObject() ?? [];
}
