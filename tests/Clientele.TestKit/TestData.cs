using Clientele.Core.Concepts;
using Clientele.Core.Ingest;
using Clientele.Core.Lexicon;
using Clientele.Core.Profiles;

namespace Clientele.TestKit;

/// <summary>
/// A small lexicon and notes made of its phrases (no shared data): English, French, Japanese and Chinese fragments,
/// several to a note, seeded so every run sees the same notes (the Core tests' fixtures; their assertions rely on this exact output).
/// </summary>
public static class TestData
{
    public static ConceptLexicon Lexicon() => new("test",
    [
        new Concept("gift.birthday", "birthday gift", "gift", ["birthday gift", "cadeau d'anniversaire", "誕生日プレゼント", "生日礼物", "생일 선물"]),
        new Concept("luxury.exclusive", "exclusive piece", "luxury", ["exclusive", "pièce exceptionnelle", "limited edition", "限定"]),
        new Concept("budget.nolimit", "no-limit budget", "no_limit_budget", ["no budget limit", "sans limite de budget", "予算無制限"]),
        new Concept("hesitation", "hesitant", "hesitation", ["hesitant", "hésite", "迷って"]),
        new Concept("intent.looking", "looking for", "intent", ["looking for", "cherche", "お探し", "寻找"]),
        new Concept("product.bag", "bag", "product", ["bag", "sac", "バッグ", "包"]),
        new Concept("product.travel_bag", "travel bag", "product", ["travel bag", "sac de voyage"]),
        new Concept("urgency", "urgent", "urgency", ["urgent", "asap", "before friday"]),
        new Concept("price", "price-sensitive", "price_sensitive", ["discount", "remise"]),
        new Concept("hobby.golf", "golf", "hobby", ["golf", "ゴルフ"]),
    ]);

    private static readonly string[] Fragments =
    [
        "Client looking for a travel bag.", "Cherche un sac de voyage pour son mari.", "誕生日プレゼントをお探し。",
        "Wants an exclusive piece.", "No budget limit mentioned.", "Elle hésite encore.", "Asked about a discount.",
        "Plays golf on weekends.", "Needs it before Friday, urgent.", "寻找生日礼物。", "Budget 3-5K.", "45 years old.",
    ];

    /// <summary>A notes CSV with <paramref name="clients"/> clients, signals drawn from a seeded generator.</summary>
    public static string NotesCsv(int clients, int seed = 7, bool multipleNotes = false)
    {
        var random = new Random(seed);
        var csv = new NotesCsvBuilder();
        for (var c = 0; c < clients; c++)
        {
            var notes = multipleNotes && c % 3 == 0 ? 2 : 1;
            for (var n = 0; n < notes; n++)
            {
                var text = string.Join(' ', Enumerable.Range(0, 3 + random.Next(4)).Select(_ => Fragments[random.Next(Fragments.Length)]));
                var date = new DateOnly(2026, 1, 1).AddDays(random.Next(300));
                csv.Add($"C{c:D4}", date, "EN", text);
            }
        }

        return csv.ToString();
    }

    public static List<Note> Notes(int clients, int seed = 7, bool multipleNotes = false) =>
        NotesCsv(NotesCsv(clients, seed, multipleNotes));

    public static List<Note> NotesCsv(string csv) =>
        Core.Ingest.NotesCsv.ReadAll(new StringReader(csv), "test.csv", new IngestReport("test.csv"));

    public static IReadOnlyList<ClientProfile> Profiles(int clients, int seed = 7, ConceptLexicon? lexicon = null) =>
        ProfileBuilder.FromNotes(ConceptMatcher.Build(lexicon ?? Lexicon()), Notes(clients, seed, multipleNotes: true));
}
