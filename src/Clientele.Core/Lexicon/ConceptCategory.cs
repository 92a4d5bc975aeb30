namespace Clientele.Core.Lexicon;

/// <summary>
/// The categories the features and smart labels know. Categories are attached to concepts, never to
/// words of one language, so a Japanese note lights up "gift" exactly like an English one.
/// </summary>
public static class ConceptCategory
{
    public const string Budget = "budget";
    public const string NoLimitBudget = "no_limit_budget";
    public const string Luxury = "luxury";
    public const string Vip = "vip";
    public const string Gift = "gift";
    public const string Occasion = "occasion";
    public const string Intent = "intent";
    public const string Urgency = "urgency";
    public const string Hesitation = "hesitation";
    public const string PriceSensitive = "price_sensitive";
    public const string Allergy = "allergy";
    public const string Diet = "diet";
    public const string Product = "product";
    public const string Material = "material";
    public const string Colour = "colour";
    public const string Hobby = "hobby";
    public const string Travel = "travel";
    public const string Family = "family";
    public const string Profession = "profession";
    public const string FollowUp = "follow_up";
    public const string Other = "other";

    /// <summary>Every known category, in a fixed order (feature order depends on it).</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Budget, NoLimitBudget, Luxury, Vip, Gift, Occasion, Intent, Urgency, Hesitation, PriceSensitive,
        Allergy, Diet, Product, Material, Colour, Hobby, Travel, Family, Profession, FollowUp, Other,
    ];

    /// <summary>
    /// Maps a category written in an external lexicon (a free word, or the reference format's
    /// "bucket=intent" rule) onto a known one; unknown words become <see cref="Other"/>.
    /// </summary>
    public static string Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return Other;
        }

        var value = raw.Trim().ToLowerInvariant();
        var eq = value.IndexOf('=');
        if (eq >= 0)
        {
            value = value[(eq + 1)..].Trim();
        }

        value = value.Replace('-', '_').Replace(' ', '_');
        return value switch
        {
            "color" or "colours" or "colors" => Colour,
            "no_limit" or "unlimited_budget" => NoLimitBudget,
            "price" or "price_sensitivity" => PriceSensitive,
            "allergies" or "sensitivity" or "constraints" => Allergy,
            "hobbies" or "lifestyle" => Hobby,
            "products" => Product,
            "materials" => Material,
            "next_action" or "followup" => FollowUp,
            "loyalty" => Vip,
            _ => All.Contains(value) ? value : Other,
        };
    }
}
