using System.Buffers;
using System.Globalization;
using System.Text;

namespace Clientele.Core.Synthetic;

/// <summary>
/// SplitMix64: a tiny, fast, well-mixed generator whose sequence is fixed by this code (not by the runtime's
/// <see cref="Random"/> implementation), so files stay identical across .NET versions.
/// </summary>
internal struct SplitMix64
{
    private ulong _state;

    public SplitMix64(int seed, long stream)
    {
        // (seed, stream) → distinct start states: the pair is packed into 64 bits and mixed (a bijection).
        _state = Mix(((ulong)(uint)seed << 32) ^ (ulong)stream);
    }

    public ulong NextULong()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n) for n ≥ 1 (multiply-high: no modulo bias worth the name).</summary>
    public int Next(int n) => (int)Math.BigMul(NextULong(), (ulong)n, out _);

    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Standard normal (Box–Muller).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>
/// Draws and writes one client at a time (see <see cref="NotesGenerator"/> for the process). One instance per
/// <see cref="NotesGenerator.Write"/> call; its buffers are reused for every client, so memory stays constant.
/// </summary>
internal sealed class ClientWriter
{
    private enum BudgetKind : byte
    {
        None,
        Range,
        Around,
        Plus,
        Euro,
    }

    /// <summary>The stated budgets: kind, low, high (thousands; euros for <see cref="BudgetKind.Euro"/>), weight.</summary>
    private static readonly (BudgetKind Kind, int Low, int High, int Weight)[] BudgetTable =
    [
        (BudgetKind.Range, 1, 2, 3), (BudgetKind.Range, 2, 3, 5), (BudgetKind.Range, 3, 4, 6), (BudgetKind.Range, 3, 5, 6),
        (BudgetKind.Range, 4, 6, 4), (BudgetKind.Range, 5, 7, 4), (BudgetKind.Range, 5, 10, 4), (BudgetKind.Range, 8, 10, 3),
        (BudgetKind.Range, 10, 15, 3), (BudgetKind.Range, 15, 20, 2), (BudgetKind.Range, 20, 30, 2), (BudgetKind.Range, 30, 50, 1),
        (BudgetKind.Around, 2, 2, 3), (BudgetKind.Around, 3, 3, 5), (BudgetKind.Around, 4, 4, 4), (BudgetKind.Around, 5, 5, 6),
        (BudgetKind.Around, 6, 6, 3), (BudgetKind.Around, 8, 8, 3), (BudgetKind.Around, 10, 10, 3), (BudgetKind.Around, 12, 12, 2),
        (BudgetKind.Around, 15, 15, 2), (BudgetKind.Around, 20, 20, 2), (BudgetKind.Around, 25, 25, 1), (BudgetKind.Around, 30, 30, 1),
        (BudgetKind.Around, 40, 40, 1),
        (BudgetKind.Plus, 10, 10, 2), (BudgetKind.Plus, 15, 15, 1), (BudgetKind.Plus, 20, 20, 2), (BudgetKind.Plus, 30, 30, 1),
        (BudgetKind.Plus, 50, 50, 1),
        (BudgetKind.Euro, 800, 800, 2), (BudgetKind.Euro, 1000, 1000, 2), (BudgetKind.Euro, 1200, 1200, 1),
        (BudgetKind.Euro, 1500, 1500, 3), (BudgetKind.Euro, 2000, 2000, 2),
    ];

    private static readonly int BudgetWeight = SumWeights();

    private static readonly SearchValues<char> NeedsQuoting = SearchValues.Create(",\"\r\n");

    private const int MaxItems = 32;

    /// <summary>Every language lists 16 professions; index 12 is the retired one.</summary>
    internal const int ProfessionCount = 16;

    internal const int RetiredProfession = 12;

    private readonly int _seed;
    private readonly Lang[] _languages;
    private readonly Lang[][] _otherScripts;
    private readonly double _multiNoteShare;
    private readonly DateOnly _start;
    private readonly int _days;

    private readonly StringBuilder _text = new(2048);
    private readonly int[] _picks = new int[26];
    private readonly SentenceKind[] _itemKinds = new SentenceKind[MaxItems];
    private readonly int[] _itemNotes = new int[MaxItems];
    private readonly int[] _noteOffsets = new int[4];
    private readonly SentenceKind[] _noteKinds = new SentenceKind[MaxItems];
    private readonly Lang[] _noteLangs = new Lang[MaxItems];

    // The client being written.
    private SplitMix64 _rng;
    private Lang _lang = Phrasebook.Languages[0];
    private bool _female;
    private bool _international;
    private int _surname;
    private int _nameForm;
    private int _age;
    private bool _englishProfession;
    private int _sinceYear;
    private BudgetKind _budgetKind;
    private int _budgetLow;
    private int _budgetHigh;
    private bool _englishNames;
    private bool _vip;
    private int _colour;
    private int _product;
    private int _profession;
    private int _itemCount;

    public ClientWriter(int seed, Lang[] languages, double multiNoteShare, DateOnly start, int days)
    {
        _seed = seed;
        _languages = languages;
        _multiNoteShare = multiNoteShare;
        _start = start;
        _days = days;
        _otherScripts = new Lang[languages.Length][];
        for (var i = 0; i < languages.Length; i++)
        {
            var others = new List<Lang>();
            foreach (var l in languages)
            {
                if (l.Script != languages[i].Script && !others.Contains(l))
                {
                    others.Add(l);
                }
            }

            _otherScripts[i] = [.. others];
        }
    }

    /// <summary>Writes client <paramref name="index"/> (0-based): its note rows and its label row. Returns the note rows.</summary>
    public int Write(int index, TextWriter notes, TextWriter labels)
    {
        _rng = new SplitMix64(_seed, index);

        // 1. Identity.
        var langIndex = _rng.Next(_languages.Length);
        _lang = _languages[langIndex];
        _female = _rng.Chance(0.5);
        _international = _rng.Chance(0.2);
        _surname = _rng.Next(1 << 16);
        _nameForm = _rng.Next(1 << 8);
        _age = 22 + _rng.Next(30) + _rng.Next(30);
        _englishProfession = _lang.Code != "EN" && _rng.Chance(0.3);
        _sinceYear = _start.Year - 20 + _rng.Next(20);
        _colour = _rng.Next(1 << 16);
        _product = _rng.Next(1 << 16);
        _profession = _rng.Next(ProfessionCount);
        if (_profession == RetiredProfession && _age < 58)
        {
            _profession++; // the 13th profession of each list is "retired" (or close to it)
        }

        // 2. Latent signals.
        var noLimit = _rng.Chance(NotesGenerator.NoLimitShare);
        var luxury = _rng.Chance(NotesGenerator.LuxuryShare);
        var gift = _rng.Chance(NotesGenerator.GiftShare);
        var intent = _rng.Chance(NotesGenerator.IntentShare);
        var urgency = _rng.Chance(NotesGenerator.UrgencyShare);
        var hesitation = _rng.Chance(NotesGenerator.HesitationShare);
        var price = _rng.Chance(NotesGenerator.PriceShare);
        var vip = _rng.Chance(NotesGenerator.VipShare);
        _vip = vip;

        // 3. Budget.
        var budgetK = DrawBudget(noLimit);

        // 4. Contact history.
        var lastOffset = _rng.Next(_days);
        var noteCount = _rng.Chance(_multiNoteShare) ? 2 + _rng.Next(3) : 1;
        noteCount = Math.Min(noteCount, lastOffset + 1);
        DrawDates(noteCount, lastOffset);
        var daysSinceLast = _days - 1 - lastOffset;

        // 5. Labels (before the text, so wording never changes them).
        var p = NotesGenerator.PurchaseProbability(noLimit, luxury, gift, intent, urgency, hesitation, price, budgetK, daysSinceLast);
        var purchased = _rng.NextDouble() < p ? 1 : 0;
        var churned = _rng.NextDouble() < NotesGenerator.ChurnProbability(p, daysSinceLast) ? 1 : 0;
        var expected = NotesGenerator.ExpectedLifetimeValue(noLimit, luxury, gift, budgetK);
        var clv = Math.Round(Math.Max(500, expected + (NotesGenerator.ClvNoise * _rng.NextGaussian())), 2);
        var id = "SYN_" + (index + 1).ToString("D7", CultureInfo.InvariantCulture);

        // 6. Sentences, spread over the notes.
        _itemCount = 0;
        AddItem(intent ? SentenceKind.Intent : SentenceKind.Browse, noteCount);
        if (noLimit)
        {
            AddItem(SentenceKind.NoLimit, noteCount);
        }
        else if (_budgetKind != BudgetKind.None)
        {
            AddItem(_budgetKind == BudgetKind.Around ? SentenceKind.BudgetAround : SentenceKind.Budget, noteCount);
        }

        AddIf(luxury, SentenceKind.Luxury, noteCount);
        AddIf(gift, SentenceKind.Gift, noteCount);
        AddIf(hesitation, SentenceKind.Hesitation, noteCount);
        AddIf(price, SentenceKind.Price, noteCount);
        AddIf(urgency, SentenceKind.Urgency, noteCount);

        // Context sentences: drawn always (stable random stream), kept while the client has room.
        var room = 8 + (2 * (noteCount - 1));
        AddExtra(vip, SentenceKind.Vip, noteCount, room);
        AddExtra(_rng.Chance(0.55), SentenceKind.Preference, noteCount, room);
        AddExtra(_rng.Chance(0.60), SentenceKind.Hobby, noteCount, room);
        AddExtra(_rng.Chance(0.25), SentenceKind.Travel, noteCount, room);
        AddExtra(_rng.Chance(0.20), SentenceKind.Family, noteCount, room);
        AddExtra(_rng.Chance(0.15), SentenceKind.Diet, noteCount, room);
        AddExtra(_rng.Chance(0.15), SentenceKind.Allergy, noteCount, room);
        AddExtra(_rng.Chance(0.60), SentenceKind.FollowUp, noteCount, room);
        SortItems();

        for (var n = 0; n < noteCount; n++)
        {
            WriteNote(notes, id, n, langIndex);
        }

        WriteLabels(labels, new GeneratedLabels(id, purchased, churned, clv, p, expected));
        return noteCount;
    }

    private double DrawBudget(bool noLimit)
    {
        _budgetKind = BudgetKind.None;
        _budgetLow = _budgetHigh = 0;
        if (noLimit || _rng.Chance(NotesGenerator.NoBudgetShare))
        {
            return 0;
        }

        var w = _rng.Next(BudgetWeight);
        foreach (var (kind, low, high, weight) in BudgetTable)
        {
            if (w < weight)
            {
                _budgetKind = kind;
                _budgetLow = low;
                _budgetHigh = high;
                return kind switch
                {
                    BudgetKind.Range => (low + high) / 2.0,
                    BudgetKind.Euro => low / 1000.0,
                    _ => low,
                };
            }

            w -= weight;
        }

        throw new InvalidOperationException("budget table weights");
    }

    private void DrawDates(int noteCount, int lastOffset)
    {
        // Earlier notes on distinct days before the last one, oldest first.
        for (var i = 0; i < noteCount - 1; i++)
        {
            int d;
            do
            {
                d = _rng.Next(lastOffset);
            }
            while (Array.IndexOf(_noteOffsets, d, 0, i) >= 0);
            _noteOffsets[i] = d;
        }

        Array.Sort(_noteOffsets, 0, noteCount - 1);
        _noteOffsets[noteCount - 1] = lastOffset;
    }

    private void AddItem(SentenceKind kind, int noteCount)
    {
        _itemKinds[_itemCount] = kind;
        _itemNotes[_itemCount] = noteCount == 1 ? 0 : _rng.Next(noteCount);
        _itemCount++;
    }

    private void AddIf(bool drawn, SentenceKind kind, int noteCount)
    {
        if (drawn)
        {
            AddItem(kind, noteCount);
        }
    }

    private void AddExtra(bool drawn, SentenceKind kind, int noteCount, int room)
    {
        if (drawn && _itemCount < room)
        {
            AddItem(kind, noteCount);
        }
    }

    private void SortItems()
    {
        // Insertion sort by kind: sentences appear in the order an advisor writes them.
        for (var i = 1; i < _itemCount; i++)
        {
            var kind = _itemKinds[i];
            var note = _itemNotes[i];
            var j = i - 1;
            while (j >= 0 && _itemKinds[j] > kind)
            {
                _itemKinds[j + 1] = _itemKinds[j];
                _itemNotes[j + 1] = _itemNotes[j];
                j--;
            }

            _itemKinds[j + 1] = kind;
            _itemNotes[j + 1] = note;
        }
    }

    private void WriteNote(TextWriter notes, string id, int note, int langIndex)
    {
        // The sentences of this note: the introduction (or a return-visit opener), then its share of the items.
        var count = 0;
        _noteKinds[count] = note == 0 ? SentenceKind.Intro : SentenceKind.Opener;
        _noteLangs[count++] = _lang;
        for (var i = 0; i < _itemCount; i++)
        {
            if (_itemNotes[i] == note)
            {
                _noteKinds[count] = _itemKinds[i];
                _noteLangs[count++] = _lang;
            }
        }

        if (count == 1 && note > 0)
        {
            // A return visit with nothing else to say still ends with what to do next.
            _noteKinds[count] = SentenceKind.FollowUp;
            _noteLangs[count++] = _lang;
        }

        // About 3 % of notes: one sentence (not the first) in a language of another script.
        var others = _otherScripts[langIndex];
        if (_rng.Chance(NotesGenerator.MixedScriptShare) && others.Length > 0 && count > 1)
        {
            _noteLangs[1 + _rng.Next(count - 1)] = others[_rng.Next(others.Length)];
        }

        // About 0.5 %: a quoted remark with a comma, after a line break.
        var quoteAt = -1;
        if (_rng.Chance(NotesGenerator.CsvStressShare))
        {
            quoteAt = 1 + _rng.Next(count);
            for (var i = count; i > quoteAt; i--)
            {
                _noteKinds[i] = _noteKinds[i - 1];
                _noteLangs[i] = _noteLangs[i - 1];
            }

            _noteKinds[quoteAt] = SentenceKind.Quote;
            _noteLangs[quoteAt] = _lang;
            count++;
        }

        _englishNames = _lang.Code != "EN" && _rng.Chance(_lang.Script == Script.Latin ? 0.20 : 0.45);
        _text.Clear();
        Lang? previous = null;
        for (var i = 0; i < count; i++)
        {
            var lang = _noteLangs[i];
            if (previous is not null)
            {
                _text.Append(previous.Stop);
                if (i == quoteAt)
                {
                    _text.Append('\n');
                }
                else if (previous.Spaced)
                {
                    _text.Append(' ');
                }
            }

            var kind = _noteKinds[i];
            var templates = lang.Sentences(kind);
            var choices = templates.Length;
            if (kind == SentenceKind.Intro && _vip)
            {
                choices--; // the last introduction says "first visit", which a loyal client's does not
            }

            var begin = _text.Length;
            Array.Fill(_picks, -1);
            Render(templates[_rng.Next(choices)], lang);
            if (lang.Cased && char.IsLower(_text[begin]))
            {
                _text[begin] = char.ToUpperInvariant(_text[begin]);
            }

            previous = lang;
        }

        _text.Append(previous!.Stop);

        var weight = 0;
        foreach (var chunk in _text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                weight += c >= '\u2E80' ? 2 : 1;
            }
        }

        var length = weight < ShortBelow ? "short" : weight < MediumBelow ? "medium" : "long";
        var minutes = Math.Clamp(10 + (weight / 10) + _rng.Next(11), 5, 90);

        Span<char> buf = stackalloc char[16];
        notes.Write(id);
        notes.Write(',');
        _start.AddDays(_noteOffsets[note]).TryFormat(buf, out var n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        notes.Write(buf[..n]);
        notes.Write(',');
        minutes.TryFormat(buf, out n, default, CultureInfo.InvariantCulture);
        notes.Write(buf[..n]);
        notes.Write(" min,");
        notes.Write(_lang.Code);
        notes.Write(',');
        notes.Write(length);
        notes.Write(',');
        WriteField(notes, _text);
        notes.Write('\n');
    }

    /// <summary>Weighted length (CJK counts double) below which a note is "short".</summary>
    internal const int ShortBelow = 110;

    /// <summary>Weighted length below which a note is "medium"; from it on, "long".</summary>
    internal const int MediumBelow = 210;

    private static void WriteField(TextWriter writer, StringBuilder text)
    {
        var quote = false;
        foreach (var chunk in text.GetChunks())
        {
            if (chunk.Span.ContainsAny(NeedsQuoting))
            {
                quote = true;
                break;
            }
        }

        if (!quote)
        {
            foreach (var chunk in text.GetChunks())
            {
                writer.Write(chunk.Span);
            }

            return;
        }

        writer.Write('"');
        foreach (var chunk in text.GetChunks())
        {
            var span = chunk.Span;
            int q;
            while ((q = span.IndexOf('"')) >= 0)
            {
                writer.Write(span[..(q + 1)]);
                writer.Write('"');
                span = span[(q + 1)..];
            }

            writer.Write(span);
        }

        writer.Write('"');
    }

    private static void WriteLabels(TextWriter labels, GeneratedLabels row)
    {
        Span<char> buf = stackalloc char[32];
        labels.Write(row.ClientId);
        labels.Write(row.Purchased == 1 ? ",1" : ",0");
        labels.Write(row.Churned == 1 ? ",1," : ",0,");
        WriteNumber(labels, row.LifetimeValue, buf);
        labels.Write(',');
        WriteNumber(labels, row.TruePurchaseProb, buf);
        labels.Write(',');
        WriteNumber(labels, row.ExpectedLifetimeValue, buf);
        labels.Write('\n');
    }

    private static void WriteNumber(TextWriter writer, double value, Span<char> buf)
    {
        value.TryFormat(buf, out var n, "0.##", CultureInfo.InvariantCulture);
        writer.Write(buf[..n]);
    }

    private void Render(Template template, Lang lang)
    {
        foreach (var segment in template.Segments)
        {
            switch (segment.Kind)
            {
                case SegmentKind.Literal:
                    _text.Append(segment.Text);
                    break;
                case SegmentKind.Gender:
                    Render(_female ? segment.Female! : segment.Male!, lang);
                    break;
                default:
                    AppendSlot(segment.Slot, segment.Form, lang);
                    break;
            }
        }
    }

    private void AppendSlot(char slot, int form, Lang lang)
    {
        switch (slot)
        {
            case 'N':
                Render(lang.NameForms[_nameForm % lang.NameForms.Length], lang);
                return;
            case 'S':
                // The client's surname comes from the note's language, whatever language this sentence is in.
                var surnames = _international ? Phrasebook.International : _lang.Surnames;
                _text.Append(surnames[_surname % surnames.Length].Get(form, _female));
                return;
            case 'A':
                _text.Append(_age);
                _text.Append(lang.Code == "RU" ? RussianYears(_age) : lang.AgeSuffix);
                return;
            case 'B':
                AppendBudget();
                return;
            case 'Y':
                _text.Append(_sinceYear);
                return;
        }

        var english = _englishNames && lang.Code != "EN";
        var list = slot switch
        {
            'J' => _englishProfession && lang.Code != "EN" ? Phrasebook.EnglishProfessions : lang.Professions,
            'P' or 'Q' => english ? Phrasebook.EnglishProducts : lang.Products,
            'C' => english ? Phrasebook.EnglishColours : lang.Colours,
            'H' => english ? Phrasebook.EnglishHobbies : lang.Hobbies,
            'M' => lang.Materials,
            'R' => lang.Recipients,
            'O' => lang.Occasions,
            'D' => lang.Deadlines,
            _ => lang.Places,
        };

        var pick = _picks[slot - 'A'];
        if (pick < 0)
        {
            // A client keeps one favourite colour and one main product across sentences and notes.
            pick = slot switch
            {
                'C' => _colour % list.Length,
                'J' => _profession % list.Length,
                'P' => _product % list.Length,
                _ => _rng.Next(list.Length),
            };
            if (slot is 'P' or 'Q')
            {
                // P and Q are two different products ("hesitates between the wallet and the belt").
                var other = _picks[(slot == 'P' ? 'Q' : 'P') - 'A'];
                while (pick == other)
                {
                    pick = _rng.Next(list.Length);
                }
            }

            _picks[slot - 'A'] = pick;
        }

        _text.Append(list[pick].Get(form, _female));
    }

    private void AppendBudget()
    {
        _text.Append(_budgetLow);
        switch (_budgetKind)
        {
            case BudgetKind.Range:
                _text.Append('-').Append(_budgetHigh).Append('K');
                break;
            case BudgetKind.Plus:
                _text.Append("K+");
                break;
            case BudgetKind.Euro:
                _text.Append('€');
                break;
            default:
                _text.Append('K');
                break;
        }
    }

    private static string RussianYears(int n)
    {
        var last = n % 10;
        var lastTwo = n % 100;
        if (last == 1 && lastTwo != 11)
        {
            return " год";
        }

        return last is >= 2 and <= 4 && lastTwo is < 12 or > 14 ? " года" : " лет";
    }

    private static int SumWeights()
    {
        var sum = 0;
        foreach (var row in BudgetTable)
        {
            sum += row.Weight;
        }

        return sum;
    }
}
