using System.Text.Json;
using Clientele.Core.Errors;

namespace Clientele.Core.History;

/// <summary>The purchase-history models' JSON files: one layout (format, model, parameters, fit quality), written and read here.</summary>
internal static class ModelJson
{
    /// <summary>Writes a model file: its format version, kind, positive parameters in order, log-likelihood when finite, client count.</summary>
    public static void Write(Stream stream, int format, string kind, IEnumerable<(string Name, double Value)> parameters, double logLikelihood, int clients)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("format", format);
        w.WriteString("model", kind);
        foreach (var (name, value) in parameters)
        {
            w.WriteNumber(name, value);
        }

        if (double.IsFinite(logLikelihood))
        {
            w.WriteNumber("log_likelihood", logLikelihood);
        }

        w.WriteNumber("clients", clients);
        w.WriteEndObject();
    }

    /// <summary>The fitted log-likelihood a file records; NaN when it records none.</summary>
    public static double LogLikelihood(JsonElement root) =>
        root.TryGetProperty("log_likelihood", out var ll) && ll.TryGetDouble(out var v) ? v : double.NaN;

    /// <summary>The number of clients a model was fitted on; 0 when the file records none.</summary>
    public static int Clients(JsonElement root) =>
        root.TryGetProperty("clients", out var n) && n.TryGetInt32(out var c) ? c : 0;

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
