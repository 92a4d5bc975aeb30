using Clientele.Core.Lexicon;

namespace Clientele.TestKit;

/// <summary>A small multilingual lexicon written for the tests: each concept has aliases in the languages of <see cref="NoteGenerator"/>.</summary>
public static class TestLexicon
{
    public static ConceptLexicon Create() => new("test", [
        C("gift", "gift", ConceptCategory.Gift, "gift", "cadeau", "Geschenk", "regalo", "プレゼント"),
        C("anniversary", "anniversary", ConceptCategory.Occasion, "anniversary", "anniversaire", "Jahrestag", "aniversario", "anniversario", "記念日"),
        C("exclusive", "exclusive piece", ConceptCategory.Luxury, "exclusive", "exclusif", "exklusiv", "exclusivo", "esclusivo", "限定"),
        C("no_limit", "no-limit budget", ConceptCategory.NoLimitBudget, "no budget limit", "budget illimité", "ohne Budgetgrenze", "sin límite", "senza limiti", "予算上限なし"),
        C("ready", "ready to buy", ConceptCategory.Intent, "ready to buy", "prêt à acheter", "kaufbereit", "listo para comprar", "pronto ad acquistare", "購入予定"),
        C("urgent", "urgent", ConceptCategory.Urgency, "urgent", "urgente", "dringend", "至急"),
        C("hesitant", "hesitant", ConceptCategory.Hesitation, "hesitant", "hésite", "zögert", "indeciso", "迷っている"),
        C("price", "price sensitive", ConceptCategory.PriceSensitive, "price conscious", "sensible au prix", "preisbewusst", "atento al precio", "attento al prezzo", "価格重視"),
        C("vip", "VIP client", ConceptCategory.Vip, "long-time client", "cliente fidèle", "Stammkunde", "cliente habitual", "cliente storico", "常連"),
        C("bag", "handbag", ConceptCategory.Product, "handbag", "sac", "Handtasche", "bolso", "borsa", "バッグ"),
        C("watch", "watch", ConceptCategory.Product, "watch", "montre", "Uhr", "reloj", "orologio", "時計"),
        C("trunk", "travel trunk", ConceptCategory.Product, "trunk", "malle", "Koffer", "baúl", "baule", "トランク"),
        C("black", "black", ConceptCategory.Colour, "black", "noir", "schwarz", "negro", "nero", "ブラック"),
        C("gold", "gold", ConceptCategory.Colour, "gold", "doré", "golden", "dorado", "oro", "ゴールド"),
        C("travel", "travel", ConceptCategory.Travel, "travelling", "voyage", "Reise", "viaje", "viaggio", "旅行"),
        C("nut", "nut allergy", ConceptCategory.Allergy, "nut allergy", "allergie aux noix", "Nussallergie", "alergia a frutos secos", "allergia alle noci", "ナッツアレルギー"),
    ]);

    private static Concept C(string id, string label, string category, params string[] aliases) => new(id, label, category, aliases);
}
