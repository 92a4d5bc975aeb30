namespace Clientele.TestKit;

/// <summary>
/// Synthetic advisor notes for tests, written here (not taken from any real data): a few sentence
/// templates in English, French, German, Spanish, Italian and Japanese, filled with signals from
/// <see cref="TestLexicon"/>, seeded so every run sees the same notes (the server tests' fixtures).
/// </summary>
public static class NoteGenerator
{
    private static readonly string[] Names = ["Laurent", "Anderson", "Moreau", "Keller", "García", "Rossi", "Tanaka", "Dubois", "Weber", "Bianchi"];

    private static readonly Dictionary<string, string[]> Signals = new()
    {
        ["EN"] = ["gift", "anniversary", "exclusive", "no budget limit", "ready to buy", "urgent", "hesitant", "price conscious", "long-time client", "travelling", "nut allergy"],
        ["FR"] = ["cadeau", "anniversaire", "exclusif", "budget illimité", "prêt à acheter", "urgente", "hésite", "sensible au prix", "cliente fidèle", "voyage", "allergie aux noix"],
        ["DE"] = ["Geschenk", "Jahrestag", "exklusiv", "ohne Budgetgrenze", "kaufbereit", "dringend", "zögert", "preisbewusst", "Stammkunde", "Reise", "Nussallergie"],
        ["ES"] = ["regalo", "aniversario", "exclusivo", "sin límite", "listo para comprar", "urgente", "indeciso", "atento al precio", "cliente habitual", "viaje", "alergia a frutos secos"],
        ["IT"] = ["regalo", "anniversario", "esclusivo", "senza limiti", "pronto ad acquistare", "urgente", "indeciso", "attento al prezzo", "cliente storico", "viaggio", "allergia alle noci"],
        ["JA"] = ["プレゼント", "記念日", "限定", "予算上限なし", "購入予定", "至急", "迷っている", "価格重視", "常連", "旅行", "ナッツアレルギー"],
    };

    private static readonly Dictionary<string, (string[] Products, string[] Colours)> Things = new()
    {
        ["EN"] = (["handbag", "watch", "trunk"], ["black", "gold"]),
        ["FR"] = (["sac", "montre", "malle"], ["noir", "doré"]),
        ["DE"] = (["Handtasche", "Uhr", "Koffer"], ["schwarz", "golden"]),
        ["ES"] = (["bolso", "reloj", "baúl"], ["negro", "dorado"]),
        ["IT"] = (["borsa", "orologio", "baule"], ["nero", "oro"]),
        ["JA"] = (["バッグ", "時計", "トランク"], ["ブラック", "ゴールド"]),
    };

    /// <summary>A note of one client in one language.</summary>
    public static string Note(string language, string name, int age, int budget, string product, string colour, IEnumerable<string> signals)
    {
        var s = string.Join(", ", signals);
        return language switch
        {
            "FR" => $"Rendez-vous avec Mme {name}, {age} ans. Budget {budget}K. Cherche un {product} {colour}. Notes: {s}.",
            "DE" => $"Termin mit Herr {name}, {age} Jahre. Budget {budget}K. Sucht {product} in {colour}. Hinweise: {s}.",
            "ES" => $"Cita con Sra. {name}, {age} años. Presupuesto {budget}K. Busca un {product} {colour}. Notas: {s}.",
            "IT" => $"Incontro con Signora {name}, {age} anni. Budget {budget}K. Cerca un {product} {colour}. Note: {s}.",
            "JA" => $"{name}様、{age}歳。予算は{budget}K。{colour}の{product}をご希望。{s}。",
            _ => $"Meeting with Mr. {name}, {age} years. Budget {budget}K. Looking for a {colour} {product}. Notes: {s}.",
        };
    }

    /// <summary>A notes CSV (ID,Date,Duration,Language,Length,Transcription) with <paramref name="clients"/> clients, 1–3 notes each.</summary>
    public static string Csv(int clients, int seed = 7, string idPrefix = "CL")
    {
        var random = new Random(seed);
        var languages = Signals.Keys.ToArray();
        var csv = new NotesCsvBuilder();
        var start = new DateOnly(2025, 1, 1);
        for (var c = 0; c < clients; c++)
        {
            var id = $"{idPrefix}_{c + 1:D4}";
            var language = languages[random.Next(languages.Length)];
            var name = Names[random.Next(Names.Length)];
            var age = 25 + random.Next(50);
            var notes = 1 + random.Next(3);
            // A client's signals are drawn once so the notes of one client agree, as real notes mostly do.
            var mine = Signals[language].Where(_ => random.NextDouble() < 0.3).ToList();
            for (var n = 0; n < notes; n++)
            {
                var (products, colours) = Things[language];
                var text = Note(language, name, age, 2 + random.Next(30), products[random.Next(products.Length)], colours[random.Next(colours.Length)],
                    mine.Where(_ => random.NextDouble() < 0.8));
                csv.Add(id, start.AddDays(random.Next(500)), language, text);
            }
        }

        return csv.ToString();
    }
}
