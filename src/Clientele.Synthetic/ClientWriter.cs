using System.Globalization;
using System.Text;
using Clientele.Synthetic.Phrases;
using Clientele.Synthetic.Transactions;

namespace Clientele.Synthetic;

/// <summary>
/// Draws and writes one client at a time (see <see cref="NotesGenerator"/> for the process). One instance per
/// <see cref="NotesGenerator.Write(GeneratorOptions, TextWriter, TextWriter, TextWriter?)"/> call; its buffers are reused for every client, so memory stays constant.
/// </summary>
internal sealed partial class ClientWriter
{
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
    private StatedBudget _budget;
    private bool _englishNames;
    private bool _vip;
    private int _colour;
    private int _product;
    private int _profession;
    private int _itemCount;
    private readonly Maison.MaisonScenario? _maison;

    public ClientWriter(int seed, Lang[] languages, double multiNoteShare, DateOnly start, int days, Maison.MaisonScenario? maison = null)
    {
        _seed = seed;
        _maison = maison;
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

    /// <summary>The hidden signals of the client last written, for its purchase history.</summary>
    public LatentClient Latent { get; private set; }

    /// <summary>The label drivers of the client last written (the generator's ground truth for reasons).</summary>
    public GeneratedSignals? Signals { get; private set; }

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
        var drivers = LatentDrivers.Draw(ref _rng);
        var vip = _rng.Chance(NotesGenerator.VipShare);
        _vip = vip;

        // 3. Budget.
        var budgetK = DrawBudget(drivers.NoLimit);

        // 4. Contact history.
        var lastOffset = _rng.Next(_days);
        var noteCount = _rng.Chance(_multiNoteShare) ? 2 + _rng.Next(3) : 1;
        noteCount = Math.Min(noteCount, lastOffset + 1);
        DrawDates(noteCount, lastOffset);
        var daysSinceLast = _days - 1 - lastOffset;

        // 5. Labels (before the text, so wording never changes them).
        var p = drivers.PurchaseProbability(budgetK, daysSinceLast);
        var purchased = _rng.NextDouble() < p ? 1 : 0;
        var churnProbability = NotesGenerator.ChurnProbability(p, daysSinceLast);
        var churned = _rng.NextDouble() < churnProbability ? 1 : 0;
        var expected = drivers.ExpectedLifetimeValue(budgetK);
        var clv = Math.Round(Math.Max(500, expected + (NotesGenerator.ClvNoise * _rng.NextGaussian())), 2);
        var id = NotesGenerator.ClientId(index);
        double? trueChurn = null;
        if (_maison is not null)
        {
            (p, churnProbability, expected, clv, purchased, churned) = DrawMaison(index, noteCount, p, drivers.NoLimit, budgetK, daysSinceLast);
            trueChurn = churnProbability;
        }

        // 6. Sentences, spread over the notes.
        _itemCount = 0;
        AddItem(drivers.Intent ? SentenceKind.Intent : SentenceKind.Browse, noteCount);
        if (drivers.NoLimit)
        {
            AddItem(SentenceKind.NoLimit, noteCount);
        }
        else if (_budget.Kind != BudgetKind.None)
        {
            AddItem(_budget.Kind == BudgetKind.Around ? SentenceKind.BudgetAround : SentenceKind.Budget, noteCount);
        }

        AddIf(drivers.Luxury, SentenceKind.Luxury, noteCount);
        AddIf(drivers.Gift, SentenceKind.Gift, noteCount);
        AddIf(drivers.Hesitation, SentenceKind.Hesitation, noteCount);
        AddIf(drivers.Price, SentenceKind.Price, noteCount);
        AddIf(drivers.Urgency, SentenceKind.Urgency, noteCount);

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

        GeneratedCsv.WriteLabels(labels, new GeneratedLabels(id, purchased, churned, clv, p, expected) { TrueChurnProb = trueChurn });
        Latent = new LatentClient(id, p, churnProbability, expected, _sinceYear, _lang.Code);
        Signals = drivers.Signals(id, budgetK, daysSinceLast);
        return noteCount;
    }

    private double DrawBudget(bool noLimit)
    {
        _budget = noLimit || _rng.Chance(NotesGenerator.NoBudgetShare)
            ? StatedBudget.None
            : StatedBudget.Pick(_rng.Next(StatedBudget.TotalWeight));
        return _budget.Thousands;
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

        if (_maison is not null && note == _maison.Note)
        {
            AppendMaisonSentence(previous!);
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
        minutes = _maison?.NoteMinutes() ?? minutes;

        GeneratedCsv.WriteNote(notes, id, _start.AddDays(_noteOffsets[note]), minutes, _lang.Code, length, _text, _maison?.Store);
    }

    /// <summary>Weighted length (CJK counts double) below which a note is "short".</summary>
    internal const int ShortBelow = 110;

    /// <summary>Weighted length below which a note is "medium"; from it on, "long".</summary>
    internal const int MediumBelow = 210;
}
