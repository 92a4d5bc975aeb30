namespace Clientele.Core.Synthetic;

/// <summary>The writing system of a language; a "mixed-script" note borrows a sentence from another one.</summary>
internal enum Script
{
    Latin,
    Cyrillic,
    Arabic,
    Japanese,
    Hangul,
    Han,
}

/// <summary>
/// One word or phrase of a slot list, with its grammatical forms. Written as <c>form0|form1|…</c>, each form
/// optionally <c>masculine~feminine</c> (the client's gender picks one), e.g. <c>Иванов~Иванова|Ивановым~Ивановой</c>.
/// A template asks for a form by number (<c>{P1}</c>); a word without that form gives its first one.
/// </summary>
internal sealed class Entry
{
    private readonly string[] _male;
    private readonly string[] _female;

    public Entry(string raw)
    {
        var forms = raw.Split('|');
        _male = new string[forms.Length];
        _female = new string[forms.Length];
        for (var i = 0; i < forms.Length; i++)
        {
            var g = forms[i].Split('~');
            if (g.Length > 2 || g[0].Length == 0)
            {
                throw new ArgumentException($"bad phrasebook entry '{raw}'");
            }

            _male[i] = g[0];
            _female[i] = g.Length == 2 ? g[1] : g[0];
        }
    }

    public string Get(int form, bool female)
    {
        var i = form < _male.Length ? form : 0;
        return female ? _female[i] : _male[i];
    }
}

internal enum SegmentKind : byte
{
    Literal,
    Slot,
    Gender,
}

/// <summary>A piece of a parsed template: literal text, a slot (<c>{P1}</c>) or a gender choice (<c>[his|her]</c>).</summary>
internal sealed class Segment
{
    public required SegmentKind Kind { get; init; }
    public string Text { get; init; } = "";
    public char Slot { get; init; }
    public int Form { get; init; }
    public Template? Male { get; init; }
    public Template? Female { get; init; }
}

/// <summary>
/// A sentence template, parsed once. Syntax: <c>{X}</c> or <c>{Xn}</c> is slot X in form n; <c>[m|f]</c> picks by
/// the client's gender (branches may hold slots). Slots: N name with title, S surname, A age, J profession,
/// P/Q product (two different ones), C colour, M material, H hobby, B budget figure, Y client-since year,
/// R gift recipient, O occasion, D deadline, T place.
/// </summary>
internal sealed class Template
{
    private const string Slots = "NSAJPQCMHBYRODT";

    private Template(Segment[] segments, string source)
    {
        Segments = segments;
        Source = source;
    }

    public Segment[] Segments { get; }

    public string Source { get; }

    public static Template Parse(string source)
    {
        var segments = new List<Segment>();
        var literal = new System.Text.StringBuilder();
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '{')
            {
                var end = source.IndexOf('}', i);
                if (end < 0 || end - i < 2 || end - i > 3 || !Slots.Contains(source[i + 1]))
                {
                    throw new ArgumentException($"bad slot in template '{source}'");
                }

                var form = end - i == 3 ? source[i + 2] - '0' : 0;
                if (form is < 0 or > 9)
                {
                    throw new ArgumentException($"bad slot form in template '{source}'");
                }

                Flush(segments, literal);
                segments.Add(new Segment { Kind = SegmentKind.Slot, Slot = source[i + 1], Form = form });
                i = end + 1;
            }
            else if (c == '[')
            {
                var end = source.IndexOf(']', i);
                var bar = source.IndexOf('|', i);
                if (end < 0 || bar < 0 || bar > end || source.IndexOf('|', bar + 1) is var bar2 && bar2 >= 0 && bar2 < end)
                {
                    throw new ArgumentException($"bad gender choice in template '{source}'");
                }

                Flush(segments, literal);
                segments.Add(new Segment
                {
                    Kind = SegmentKind.Gender,
                    Male = Parse(source[(i + 1)..bar]),
                    Female = Parse(source[(bar + 1)..end]),
                });
                i = end + 1;
            }
            else if (c is '}' or ']' or '|' or '~')
            {
                throw new ArgumentException($"stray '{c}' in template '{source}'");
            }
            else
            {
                literal.Append(c);
                i++;
            }
        }

        Flush(segments, literal);
        return new Template([.. segments], source);
    }

    private static void Flush(List<Segment> segments, System.Text.StringBuilder literal)
    {
        if (literal.Length > 0)
        {
            segments.Add(new Segment { Kind = SegmentKind.Literal, Text = literal.ToString() });
            literal.Clear();
        }
    }
}

/// <summary>
/// Everything the generator writes in one language: the sentence templates for each signal and the slot lists
/// they draw from. Templates carry no final full stop; <see cref="Stop"/> ends each sentence.
/// </summary>
internal sealed class Lang
{
    public required string Code { get; init; }
    public required Script Script { get; init; }

    /// <summary>Sentence end: "." (followed by a space) or "。" (no space after it).</summary>
    public required string Stop { get; init; }

    /// <summary>Whether sentences are separated by a space (false for Japanese and Chinese).</summary>
    public required bool Spaced { get; init; }

    /// <summary>Whether the first letter of a sentence is capitalised.</summary>
    public required bool Cased { get; init; }

    /// <summary>What follows the age number ("45 ans"); Russian picks год/года/лет itself.</summary>
    public required string AgeSuffix { get; init; }

    public required Template[] NameForms { get; init; }
    public required Entry[] Surnames { get; init; }
    public required Entry[] Professions { get; init; }
    public required Entry[] Products { get; init; }
    public required Entry[] Colours { get; init; }
    public required Entry[] Materials { get; init; }
    public required Entry[] Hobbies { get; init; }
    public required Entry[] Recipients { get; init; }
    public required Entry[] Occasions { get; init; }
    public required Entry[] Deadlines { get; init; }
    public required Entry[] Places { get; init; }

    /// <summary>Introductions (title, surname, age, profession); the last one says "first visit".</summary>
    public required Template[] Intro { get; init; }
    public required Template[] Opener { get; init; }
    public required Template[] Intent { get; init; }
    public required Template[] Browse { get; init; }
    public required Template[] Preference { get; init; }
    public required Template[] Luxury { get; init; }
    public required Template[] NoLimit { get; init; }
    public required Template[] Budget { get; init; }
    public required Template[] BudgetAround { get; init; }
    public required Template[] Gift { get; init; }
    public required Template[] Urgency { get; init; }
    public required Template[] Hesitation { get; init; }
    public required Template[] Price { get; init; }
    public required Template[] Vip { get; init; }
    public required Template[] Hobby { get; init; }
    public required Template[] Diet { get; init; }
    public required Template[] Allergy { get; init; }
    public required Template[] Family { get; init; }
    public required Template[] Travel { get; init; }
    public required Template[] FollowUp { get; init; }

    /// <summary>A client's words in double quotes with a comma inside (the CSV-quoting exercise).</summary>
    public required Template[] Quote { get; init; }

    public Template[] Sentences(SentenceKind kind) => kind switch
    {
        SentenceKind.Intro => Intro,
        SentenceKind.Opener => Opener,
        SentenceKind.Intent => Intent,
        SentenceKind.Browse => Browse,
        SentenceKind.Preference => Preference,
        SentenceKind.Luxury => Luxury,
        SentenceKind.NoLimit => NoLimit,
        SentenceKind.Budget => Budget,
        SentenceKind.BudgetAround => BudgetAround,
        SentenceKind.Gift => Gift,
        SentenceKind.Urgency => Urgency,
        SentenceKind.Hesitation => Hesitation,
        SentenceKind.Price => Price,
        SentenceKind.Vip => Vip,
        SentenceKind.Hobby => Hobby,
        SentenceKind.Diet => Diet,
        SentenceKind.Allergy => Allergy,
        SentenceKind.Family => Family,
        SentenceKind.Travel => Travel,
        SentenceKind.FollowUp => FollowUp,
        SentenceKind.Quote => Quote,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>The sentences a note is made of, in the order they appear in a note.</summary>
internal enum SentenceKind : byte
{
    Intro,
    Opener,
    Vip,
    Intent,
    Browse,
    Preference,
    Luxury,
    NoLimit,
    Budget,
    BudgetAround,
    Gift,
    Hesitation,
    Price,
    Urgency,
    Hobby,
    Travel,
    Family,
    Diet,
    Allergy,
    FollowUp,
    Quote,
}

/// <summary>
/// The phrase templates of the twelve languages (written for Clientele, in the telegraphic style of advisor notes).
/// The sentences of the label signals (no-limit budget, luxury, gift/occasion, intent, urgency, hesitation, price
/// sensitivity) use words of that signal only, so a lexicon that knows them can recover the ground truth; the
/// other sentences (hobbies, diet, travel…) avoid those words.
/// </summary>
internal static partial class Phrasebook
{
    static Phrasebook()
    {
        // In the constructor, not in field initialisers: the languages live in other files of this partial
        // class, whose initialisers must have run first.
        Languages = [En, Fr, De, Es, It, Pt, Nl, Ru, Ar, Ja, Ko, Zh];
        EnglishProducts = TitleCase(En.Products);
        EnglishColours = TitleCase(En.Colours);
        EnglishHobbies = TitleCase(En.Hobbies);
        EnglishProfessions = TitleCase(En.Professions);
    }

    /// <summary>All languages, in the order of <see cref="NotesGenerator.AllLanguages"/>.</summary>
    public static Lang[] Languages { get; }

    /// <summary>Surnames of an international clientele, used as they are in every language.</summary>
    public static readonly Entry[] International = E(
        "Nakamura", "Rossi", "Müller", "Dubois", "Kim", "Chen", "Haddad", "Petrov", "Silva", "Novak", "Okafor",
        "Laurent", "Sokolov", "Tanaka", "Al-Mansouri", "Kowalski", "Andersen", "Costa", "Wang", "Schmidt");

    /// <summary>English names in title case ("Travel Bag", "Burnt Orange"), as advisors drop them into other languages.</summary>
    public static Entry[] EnglishProducts { get; }

    public static Entry[] EnglishColours { get; }

    public static Entry[] EnglishHobbies { get; }

    public static Entry[] EnglishProfessions { get; }

    private static Template[] T(params string[] sources)
    {
        var result = new Template[sources.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            result[i] = Template.Parse(sources[i]);
        }

        return result;
    }

    private static Entry[] E(params string[] raws)
    {
        var result = new Entry[raws.Length];
        for (var i = 0; i < raws.Length; i++)
        {
            result[i] = new Entry(raws[i]);
        }

        return result;
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
}
