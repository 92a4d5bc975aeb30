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
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>All languages, in the order of <see cref="NotesGenerator.AllLanguages"/>.</summary>
    public static Lang[] Languages { get; } = Array.ConvertAll(Files, file => ToLang(Read<LanguageFile>(file)));

    /// <summary>Surnames of an international clientele, used as they are in every language.</summary>
    public static Entry[] International { get; } = Entries(Read<InternationalFile>("international").Surnames);

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

    private static Lang ToLang(LanguageFile file)
    {
        var kinds = Enum.GetValues<SentenceKind>();
        var sentences = new Template[kinds.Length][];
        foreach (var kind in kinds)
        {
            var key = JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
            sentences[(int)kind] = file.Sentences.TryGetValue(key, out var sources) && sources.Length > 0
                ? Array.ConvertAll(sources, Template.Parse)
                : throw new InvalidDataException($"phrasebook {file.Code}: no '{key}' sentences");
        }

        return new Lang
        {
            Code = file.Code,
            Script = file.Script,
            Stop = file.Stop,
            Spaced = file.Spaced,
            Cased = file.Cased,
            AgeSuffix = file.AgeSuffix,
            NameForms = Array.ConvertAll(file.NameForms, Template.Parse),
            Surnames = Entries(file.Surnames),
            Professions = Entries(file.Professions),
            Products = Entries(file.Products),
            Colours = Entries(file.Colours),
            Materials = Entries(file.Materials),
            Hobbies = Entries(file.Hobbies),
            Recipients = Entries(file.Recipients),
            Occasions = Entries(file.Occasions),
            Deadlines = Entries(file.Deadlines),
            Places = Entries(file.Places),
            SentenceTemplates = sentences,
        };
    }

    private static Entry[] Entries(string[] raws) => Array.ConvertAll(raws, raw => new Entry(raw));

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
        public required string[] Surnames { get; init; }
    }
}
