using System.Text.Json;
using Clientele.Core.Errors;

namespace Clientele.Core.History;

/// <summary>Reading side of the purchase-history models' JSON files: format version check and parameter validation, shared.</summary>
internal static class ModelJson
{
    public static JsonElement Read(Stream stream, string source, string what, string kind, int newest)
    {
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(stream);
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ClienteleInputException(source, null, null, HistoryMessages.ModelDamaged(what), e);
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var f) || !f.TryGetInt32(out var format) || format < 1)
        {
            throw new ClienteleInputException(source, null, null, HistoryMessages.ModelDamaged(what));
        }

        if (format > newest)
        {
            throw new ClienteleInputException(source, null, null, HistoryMessages.ModelFormat(what, format, newest));
        }

        if (!root.TryGetProperty("model", out var m) || m.ValueKind != JsonValueKind.String || m.GetString() != kind)
        {
            throw new ClienteleInputException(source, null, null, HistoryMessages.ModelDamaged(what));
        }

        return root;
    }

    public static double Positive(JsonElement root, string name, string source, string what) =>
        root.TryGetProperty(name, out var e) && e.TryGetDouble(out var v) && double.IsFinite(v) && v > 0
            ? v
            : throw new ClienteleInputException(source, null, null, HistoryMessages.ModelDamaged(what) + $"; '{name}' is missing or not a positive number");
}
