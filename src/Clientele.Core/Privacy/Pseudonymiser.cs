using System.Text;
using System.Text.RegularExpressions;
using Clientele.Core.Text;

namespace Clientele.Core.Privacy;

/// <summary>
/// Replaces direct identifiers in note text by tokens before a note is stored: e-mail addresses (<c>[email]</c>),
/// IBANs that pass the mod-97 check (<c>[iban]</c>), card numbers that pass the Luhn check (<c>[card]</c>), phone
/// numbers in international and national formats (<c>[phone]</c>) and street addresses built from the per-language
/// street words of <c>Resources/street_words.tsv</c> (<c>[address]</c>). Names are kept. Pure: text in, text out.
/// Identifiers are replaced in that order, so a number already taken as an IBAN or a card is not read as a phone.
/// </summary>
public sealed class Pseudonymiser
{
    /// <summary>Token replacing an e-mail address.</summary>
    public const string EmailToken = "[email]";

    /// <summary>Token replacing an IBAN.</summary>
    public const string IbanToken = "[iban]";

    /// <summary>Token replacing a payment card number.</summary>
    public const string CardToken = "[card]";

    /// <summary>Token replacing a phone number.</summary>
    public const string PhoneToken = "[phone]";

    /// <summary>Token replacing a street address.</summary>
    public const string AddressToken = "[address]";

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    // Generous: a note is short and the patterns do not backtrack much; the bound only stops a pathological input.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private static readonly Regex Email = new(@"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}", Options, Timeout);

    // Two letters, two check digits, then groups of letters and digits, with or without single spaces.
    private static readonly Regex Iban = new(@"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b", Options, Timeout);

    private static readonly Regex Card = new(@"(?<![+\d])\d(?:[ -]?\d){12,18}(?!\d)", Options, Timeout);

    private static readonly Regex Phone = new(@"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{1,5}(?:[\s.-]\d{1,8}){1,5}(?![\w])", Options, Timeout);

    private static readonly Regex NorthAmerican = new(@"^\d{3}-\d{3}-\d{4}$", Options, Timeout);

    // Mainland China's mobile numbers are written without a trunk 0: 1xx xxxx xxxx.
    private static readonly Regex ChineseMobile = new(@"^1\d{2}[\s-]?\d{4}[\s-]?\d{4}$", Options, Timeout);

    private static readonly Lazy<Pseudonymiser> Shared = new(() => FromTable(EmbeddedTable.Read("Clientele.Core.Privacy.street_words.tsv")));

    private readonly Regex[] addresses;

    private Pseudonymiser(Regex[] addresses) => this.addresses = addresses;

    /// <summary>The pseudonymiser with the built-in street words of the 12 languages.</summary>
    public static Pseudonymiser Builtin => Shared.Value;

    /// <summary>A pseudonymiser from rows <c>language, position, word</c> (see the resource file's header).</summary>
    public static Pseudonymiser FromTable(IEnumerable<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var byPosition = rows.Where(r => r.Length >= 3).GroupBy(r => r[1].Trim(), r => r[2].Trim(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(w => w.Length).ToList(), StringComparer.Ordinal);
        return new Pseudonymiser([.. AddressPatterns.Build(Words(byPosition, "before"), Words(byPosition, "after"), Words(byPosition, "suffix"), Words(byPosition, "particle"))]);
    }

    /// <summary>The text with every identifier found replaced by its token; the same string when none is found.</summary>
    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = Email.Replace(text, EmailToken);
        result = Iban.Replace(result, m => LongestValid(m.Value, IsIban, IbanToken));
        result = Card.Replace(result, m => LongestValid(m.Value, PassesLuhn, CardToken));
        result = Phone.Replace(result, m => IsPhone(m.Value) ? PhoneToken : m.Value);
        foreach (var pattern in addresses)
        {
            result = pattern.Replace(result, m => m.Value.Any(char.IsDigit) ? AddressToken : m.Value);
        }

        return result;
    }

    /// <summary>
    /// The token followed by what the match took beyond the identifier, for the longest start of the match that
    /// passes <paramref name="valid"/>: a greedy match may run into a following word or number.
    /// </summary>
    private static string LongestValid(string match, Func<string, bool> valid, string token)
    {
        for (var length = match.Length; length > 0; length--)
        {
            if (char.IsAsciiLetterOrDigit(match[length - 1]) && valid(match[..length]))
            {
                return token + match[length..];
            }
        }

        return match;
    }

    /// <summary>ISO 13616: the first four characters moved to the end, letters as 10–35, the number mod 97 is 1.</summary>
    public static bool IsIban(string candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var compact = candidate.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (compact.Length is < 15 or > 34)
        {
            return false;
        }

        var remainder = 0;
        foreach (var ch in compact[4..] + compact[..4])
        {
            var value = ch is >= '0' and <= '9' ? ch - '0' : ch is >= 'A' and <= 'Z' ? ch - 'A' + 10 : -1;
            if (value < 0)
            {
                return false;
            }

            remainder = value >= 10 ? ((remainder * 100) + value) % 97 : ((remainder * 10) + value) % 97;
        }

        return remainder == 1;
    }

    /// <summary>The Luhn check on the digits of <paramref name="candidate"/> (13 to 19 of them).</summary>
    public static bool PassesLuhn(string candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var digits = candidate.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        if (digits.Length is < 13 or > 19)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i];
            if (i % 2 == 1)
            {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    /// <summary>
    /// 9 to 15 digits (E.164's longest) written the way phones are: with a country code, an area code in
    /// parentheses, a national trunk 0, or the North American 3-3-4 grouping. A date (2025-03-01) or an amount
    /// (50 000) starts with none of these, so it is left alone.
    /// </summary>
    private static bool IsPhone(string candidate)
    {
        var digits = candidate.Count(char.IsAsciiDigit);
        return digits is >= 9 and <= 15 && (candidate[0] is '+' or '(' or '0' || NorthAmerican.IsMatch(candidate) || ChineseMobile.IsMatch(candidate));
    }

    private static List<string> Words(Dictionary<string, List<string>> byPosition, string position) =>
        byPosition.TryGetValue(position, out var words) ? words : [];

    /// <summary>The regular expressions of street addresses, made from the word lists.</summary>
    private static class AddressPatterns
    {
        // A house number: 12, 12b, 12-14, 6-10-1.
        private const string Number = @"\d{1,5}(?:[a-zA-Z]|(?:-\d{1,4}){1,2})?";

        // A word of a street name: capitalised in cased scripts; any letters in uncased ones (Arabic).
        private const string NameWord = @"(?:\p{Lu}[\p{L}'’-]*|[\p{Lo}][\p{Lo}\p{Mn}]*)";

        public static IEnumerable<Regex> Build(List<string> before, List<string> after, List<string> suffix, IReadOnlyList<string> particles)
        {
            // A particle is followed by a space (de la Paix), an elided one by nothing (d'Alsace): never both, so the
            // engine has one way to read a name and cannot backtrack through the combinations.
            var spaced = particles.Where(p => !p.EndsWith('\'') && !p.EndsWith('’')).ToList();
            var elided = particles.Where(p => p.EndsWith('\'') || p.EndsWith('’')).ToList();
            var particle = string.Join('|', new[] { spaced.Count == 0 ? null : $@"(?:{Alternation(spaced)})\s+", elided.Count == 0 ? null : $"(?:{Alternation(elided)})" }.Where(x => x is not null));
            particle = particle.Length == 0 ? "(?!)" : particle;
            var name = $@"(?:{particle})*{NameWord}(?:\s+(?:{particle})*{NameWord}){{0,3}}";
            if (before.Count > 0)
            {
                // 12 rue de la Paix, rue de la Paix 12, Via Roma 12, ул. Тверская, д. 7, شارع الملك فهد 12
                yield return new Regex($@"(?<![\p{{L}}\d])(?:{Number},?\s+)?(?i:{Alternation(before)})\s+{name}(?:,?\s*(?:{particle})?{Number})?(?![\p{{L}}\d])",
                    Options, Timeout);
            }

            if (after.Count > 0)
            {
                // 221B Baker Street
                yield return new Regex($@"(?<![\p{{L}}\d]){Number},?\s+{NameWord}(?:\s+{NameWord}){{0,2}}\s+(?:{Alternation(after)})(?![\p{{L}}])", Options, Timeout);
            }

            if (suffix.Count > 0)
            {
                // Hauptstraße 5, Keizersgracht 123, 테헤란로 152, 建国路88号, 六本木6丁目10番1号
                var glued = Alternation(suffix);
                yield return new Regex($@"(?<![\p{{L}}\d])\p{{Lu}}\p{{Ll}}*(?i:{glued})\s?{Number}(?![\p{{L}}\d])", Options, Timeout);
                yield return new Regex($@"[\p{{Lo}}]{{1,4}}(?:{glued})\s?{Number}(?:号|號|번지|(?![\p{{L}}\d]))", Options, Timeout);
                yield return new Regex($@"[\p{{Lo}}]{{1,4}}\d{{1,2}}(?:{glued})\d{{1,3}}(?:番地?|-)\d{{1,3}}号?", Options, Timeout);
            }
        }

        private static string Alternation(IEnumerable<string> words)
        {
            var b = new StringBuilder();
            foreach (var w in words)
            {
                b.Append(b.Length == 0 ? string.Empty : "|").Append(Regex.Escape(w));
            }

            return b.ToString();
        }
    }
}
