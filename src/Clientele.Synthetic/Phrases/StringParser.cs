using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clientele.Synthetic.Phrases;

/// <summary>Reads a JSON string of a phrasebook file as <typeparamref name="T"/> (a template, an entry), parsed once at load.</summary>
internal sealed class StringParser<T>(Func<string, T> parse) : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? parse(reader.GetString()!)
            : throw new JsonException($"expected a string for a {typeof(T).Name}, found {reader.TokenType}");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        throw new NotSupportedException("phrasebook files are read, never written");
}
