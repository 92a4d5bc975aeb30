using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clientele.Synthetic.Phrases;

/// <summary>
/// The phrase templates of the twelve languages (written for Clientele, in the telegraphic style of advisor notes),
/// one data file per language embedded in this assembly. The sentences of the label signals (no-limit budget,
/// luxury, gift/occasion, intent, urgency, hesitation, price sensitivity) use words of that signal only, so a lexicon
/// that knows them can recover the ground truth; the other sentences (hobbies, diet, travel…) avoid those words.
/// </summary>
internal static class Phrasebook
{
    /// <summary>
    /// The data files in the order of <see cref="NotesGenerator.AllLanguages"/>: a client's language is drawn by
    /// index into this order, so reordering it changes every generated file.
    /// </summary>
    private static readonly string[] Files = ["en", "fr", "de", "es", "it", "pt", "nl", "ru", "ar", "ja", "ko", "zh"];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters =
        {
            new JsonStringEnumConverter(JsonNamingPolicy.CamelCase),
            new StringParser<Template>(Template.Parse),
            new StringParser<Entry>(raw => new Entry(raw)),
        },
    };

    /// <summary>All languages, in the order of <see cref="NotesGenerator.AllLanguages"/>.</summary>
    public static Lang[] Languages { get; } = Array.ConvertAll(Files, file => Complete(Read<Lang>(file)));

    /// <summary>Surnames of an international clientele, used as they are in every language.</summary>
    public static Entry[] International { get; } = Read<InternationalFile>("international").Surnames;

    /// <summary>English names in title case ("Travel Bag", "Burnt Orange"), as advisors drop them into other languages.</summary>
    public static Entry[] EnglishProducts { get; } = TitleCase(Languages[0].Products);

    public static Entry[] EnglishColours { get; } = TitleCase(Languages[0].Colours);

    public static Entry[] EnglishHobbies { get; } = TitleCase(Languages[0].Hobbies);

    public static Entry[] EnglishProfessions { get; } = TitleCase(Languages[0].Professions);

    private static T Read<T>(string file)
    {
        var name = $"Clientele.Synthetic.Phrases.{file}.json";
        using var stream = typeof(Phrasebook).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"phrasebook resource '{name}' is missing");
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"phrasebook file '{file}' is empty");
    }

    private static Lang Complete(Lang lang)
    {
        foreach (var kind in Enum.GetValues<SentenceKind>())
        {
            if (!lang.SentenceTemplates.TryGetValue(kind, out var templates) || templates.Length == 0)
            {
                throw new InvalidDataException($"phrasebook {lang.Code}: no {kind} sentences");
            }
        }

        return lang;
    }

    private static Entry[] TitleCase(Entry[] entries)
    {
        var result = new Entry[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var chars = entries[i].Get(0, false).ToCharArray();
            for (var j = 0; j < chars.Length; j++)
            {
                if (j == 0 || chars[j - 1] == ' ')
                {
                    chars[j] = char.ToUpperInvariant(chars[j]);
                }
            }

            result[i] = new Entry(new string(chars));
        }

        return result;
    }

    /// <summary>The shape of <c>Phrases/Data/international.json</c>.</summary>
    private sealed class InternationalFile
    {
        public required Entry[] Surnames { get; init; }
    }
}
