using System.Globalization;
using Clientele.Synthetic.Phrases;
using Clientele.Synthetic.Transactions;

namespace Clientele.Synthetic;

/// <summary>
/// Writes synthetic client-advisor notes in twelve languages with the ground truth they were generated from,
/// for tests, benchmarks and demos at any size (1,000,000 clients in constant memory).
/// </summary>
/// <remarks>
/// <para><b>Output.</b> The notes CSV has the maisons' export format <c>ID,Date,Duration,Language,Length,Transcription</c>
/// (RFC 4180 quoting when a field holds a comma, a quote or a line break; LF line ends). Client ids are
/// <c>SYN_0000001</c>, <c>SYN_0000002</c>…; a client's notes are consecutive rows, oldest first. Dates are ISO
/// <c>yyyy-MM-dd</c> in <c>Start … Start + Days − 1</c>; Duration reads "25 min"; Length is short, medium or long by
/// the text's length (CJK characters count double). The labels CSV has one row per client:
/// <c>client_id,purchased,churned,lifetime_value,true_purchase_prob,expected_lifetime_value</c>, numbers in the
/// invariant culture.</para>
/// <para><b>Generative process</b> (the ground truth; each client independently):</para>
/// <list type="number">
/// <item>Identity: a language drawn uniformly from <see cref="GeneratorOptions.Languages"/>, a gender (½), a surname
/// (20 % international), an age 22–80 (triangular, mode 51), a profession, a "client since" year.</item>
/// <item>Latent signals, independent Bernoulli draws: no-limit budget 8 %, luxury/exclusivity 35 %,
/// gift/occasion 40 %, purchase intent 60 %, urgency 15 %, hesitation 25 %, price sensitivity 15 %
/// (plus VIP/loyalty 20 %, which does not enter the labels).</item>
/// <item>Budget: a no-limit client states no figure and has <c>budget_k = 0</c>; of the others 6 % discuss no budget
/// (<c>budget_k = 0</c>) and the rest state one from a fixed table — a range "3-5K" (<c>budget_k</c> = its midpoint),
/// "around 5K" or "20K+" (<c>budget_k</c> = 5 or 20) or euros "1500€" (<c>budget_k</c> = 1.5). About 28 %
/// of stated budgets are 10K or more.</item>
/// <item>Contact history: the last note's date is uniform over the window, so
/// <c>days_since_last = (Start + Days − 1) − last date</c>, uniform in 0 … Days − 1 (the newest date of the
/// window is the "as of" date; any file of a few hundred clients contains it). A share
/// <see cref="GeneratorOptions.MultiNoteShare"/> of clients get 2–4 notes (uniformly) on distinct earlier dates.</item>
/// <item>Labels, with [x] = 1 when x holds, else 0:
/// <code>
/// p      = clip(0.30 + 0.30·[nolimit] + 0.25·[luxury] + 0.20·[gift] + 0.15·[intent] + 0.10·[urgency]
///               − 0.15·[hesitation] − 0.10·[price] + 0.05·[budget_k ≥ 10] − 0.10·[days_since_last > 180], 0.05, 0.95)
/// purchased ~ Bernoulli(p)
/// churned   ~ Bernoulli(clip(1 − 0.8·p + 0.15·[days_since_last > 180], 0.02, 0.98))
/// E[CLV] = 3000 + 25000·[nolimit] + 12000·[luxury] + 5000·[gift] + 400·min(budget_k, 50)
/// CLV    = max(500, E[CLV] + N(0, 1500²)), rounded to cents
/// </code>
/// <c>true_purchase_prob</c> = p and <c>expected_lifetime_value</c> = E[CLV]: what a perfect model would predict.</item>
/// <item>Text: one sentence per signal drawn (the no-limit phrase or the budget figure, the luxury phrase, the
/// gift with its recipient and occasion, "looking for a …" when intent is drawn and a browsing visit when not,
/// the deadline, the hesitation, the price question, the loyalty year), plus the title, surname, age and
/// profession, and some of: colour and material preference, hobby, travel, family news, diet, allergy,
/// follow-up action (these never carry label words). Sentences come from per-language phrase templates;
/// a multi-note client's sentences are spread over its notes, the first note opening with the introduction.
/// Non-English notes name products, colours and hobbies in English 20 % (Latin scripts) to 45 % (others) of the
/// time, and 30 % of non-English clients have their profession in English; about 3 % of notes carry one sentence in another language of another script (when the chosen languages
/// include one), and about 0.5 % carry a quoted remark with a comma after a line break, to exercise CSV quoting.</item>
/// </list>
/// <para><b>Determinism.</b> Client k draws from its own generator seeded from (<see cref="GeneratorOptions.Seed"/>, k),
/// so its rows do not depend on how many clients are generated, and the same options give byte-identical
/// output. The labels are drawn before the text, so they depend only on the seed, the index and the options.</para>
/// </remarks>
public static class NotesGenerator
{
    internal const double NoLimitShare = 0.08;
    internal const double LuxuryShare = 0.35;
    internal const double GiftShare = 0.40;
    internal const double IntentShare = 0.60;
    internal const double UrgencyShare = 0.15;
    internal const double HesitationShare = 0.25;
    internal const double PriceShare = 0.15;
    internal const double VipShare = 0.20;
    internal const double NoBudgetShare = 0.06;
    internal const double MixedScriptShare = 0.03;
    internal const double CsvStressShare = 0.005;
    internal const int StaleDays = 180;
    internal const double ClvNoise = 1500;

    internal const string NotesHeader = "ID,Date,Duration,Language,Length,Transcription";
    internal const string LabelsHeader = "client_id,purchased,churned,lifetime_value,true_purchase_prob,expected_lifetime_value";

    /// <summary>Default first note date when <see cref="GeneratorOptions.Start"/> is null.</summary>
    internal static readonly DateOnly DefaultStart = new(2026, 1, 1);

    /// <summary>Languages it writes: EN FR DE ES IT PT NL RU AR JA KO ZH.</summary>
    public static readonly IReadOnlyList<string> AllLanguages = Codes();

    /// <summary>
    /// Streams the notes CSV to <paramref name="notes"/> and the labels CSV to <paramref name="labels"/>, one client at
    /// a time (see the remarks of <see cref="NotesGenerator"/> for the format and the generative process). The
    /// writers' encoding is the caller's (use UTF-8); both are flushed, not closed. Returns the number of note rows.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range or a language is unknown.</exception>
    public static long Write(GeneratorOptions options, TextWriter notes, TextWriter labels) =>
        Write(options, notes, labels, null).Notes;

    /// <summary>
    /// As <see cref="Write(GeneratorOptions, TextWriter, TextWriter)"/>, and when <paramref name="transactions"/> is
    /// not null also the purchase history <c>client_id,date,amount,order_id,category,store</c> of the three years up to
    /// <see cref="GeneratorOptions.AsOf"/> (process: docs/GENERATED-DATA.md). The history is drawn from streams of its
    /// own, so notes and labels are byte-identical with or without it.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range or a language is unknown.</exception>
    public static GeneratedCounts Write(GeneratorOptions options, TextWriter notes, TextWriter labels, TextWriter? transactions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(labels);
        var languages = ResolveLanguages(options);
        if (options.Clients < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Clients, "Clients must be 0 or more.");
        }

        if (options.Days < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Days, "Days must be 1 or more.");
        }

        if (!(options.MultiNoteShare >= 0 && options.MultiNoteShare <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MultiNoteShare, "MultiNoteShare must be between 0 and 1.");
        }

        var start = options.Start ?? DefaultStart;
        if (start.DayNumber + (long)options.Days - 1 > DateOnly.MaxValue.DayNumber)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Days, "Start + Days is past the last representable date.");
        }

        var maison = options.Scenario == GeneratorScenario.Maison ? new Maison.MaisonScenario(options.Seed) : null;
        notes.Write(maison is null ? NotesHeader : Maison.MaisonScenario.NotesHeader);
        notes.Write('\n');
        labels.Write(maison is null ? LabelsHeader : Maison.MaisonScenario.LabelsHeader);
        labels.Write('\n');
        var writer = new ClientWriter(options.Seed, languages, options.MultiNoteShare, start, options.Days, maison);
        var history = transactions is null ? null : new TransactionWriter(options.Seed, options.AsOf);
        transactions?.Write(TransactionWriter.Header);
        transactions?.Write('\n');
        long rows = 0, transactionRows = 0, notesOnly = 0;
        for (var i = 0; i < options.Clients; i++)
        {
            rows += writer.Write(i, notes, labels);
            if (history is not null)
            {
                var written = history.WriteNoted(i, writer.Latent, transactions!);
                transactionRows += written;
                notesOnly += written == 0 ? 1 : 0;
            }
        }

        long unnoted = 0;
        if (history is not null)
        {
            unnoted = (long)Math.Round(options.Clients * TransactionProcess.TransactionsOnlyShare);
            var codes = Array.ConvertAll(languages, l => l.Code);
            for (long j = 0; j < unnoted; j++)
            {
                var index = options.Clients + j;
                transactionRows += history.WriteUnnoted(index, ClientId(index), codes, transactions!);
            }

            transactions!.Flush();
        }

        notes.Flush();
        labels.Flush();
        return new GeneratedCounts(options.Clients, rows, transactionRows, history is null ? 0 : notesOnly, unnoted, options.AsOf);
    }

    /// <summary>
    /// The maison scenario's lexicon overlay: its eight product lines as concepts, every spelling an alias (what a
    /// maison would load with <c>--lexicon-overlay</c> after editing <c>suggest-concepts</c>' output).
    /// </summary>
    public static void WriteMaisonLinesOverlay(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Maison.MaisonScenario.WriteLinesOverlay(writer);
    }

    /// <summary>
    /// The hidden signals of every client <see cref="Write(GeneratorOptions, TextWriter, TextWriter)"/> writes with
    /// <paramref name="options"/>, in order: the true drivers of the labels (standard scenario), for measuring
    /// whether reasons name them. Draws exactly what the notes draw, so it agrees with the files byte for byte.
    /// </summary>
    public static IReadOnlyList<GeneratedSignals> Signals(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var maison = options.Scenario == GeneratorScenario.Maison ? new Maison.MaisonScenario(options.Seed) : null;
        var writer = new ClientWriter(options.Seed, ResolveLanguages(options), options.MultiNoteShare, options.Start ?? DefaultStart, options.Days, maison);
        var result = new List<GeneratedSignals>(options.Clients);
        for (var i = 0; i < options.Clients; i++)
        {
            writer.Write(i, TextWriter.Null, TextWriter.Null);
            result.Add(writer.Signals!);
        }

        return result;
    }

    /// <summary>
    /// The fixed wording of each label signal's sentences in every language (the templates' literal text, slots left
    /// out; for gifts the occasions too), keyed by the signal's <see cref="GeneratedSignals"/> property name. These
    /// sentences use words of their signal only, so a concept found in them speaks for that signal.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> SignalWording()
    {
        (string Signal, SentenceKind[] Kinds)[] signals =
        [
            (nameof(GeneratedSignals.NoLimit), [SentenceKind.NoLimit]),
            (nameof(GeneratedSignals.Luxury), [SentenceKind.Luxury]),
            (nameof(GeneratedSignals.Gift), [SentenceKind.Gift]),
            (nameof(GeneratedSignals.Intent), [SentenceKind.Intent]),
            (nameof(GeneratedSignals.Urgency), [SentenceKind.Urgency]),
            (nameof(GeneratedSignals.Hesitation), [SentenceKind.Hesitation]),
            (nameof(GeneratedSignals.Price), [SentenceKind.Price]),
            (nameof(GeneratedSignals.BudgetK), [SentenceKind.Budget, SentenceKind.BudgetAround]),
        ];
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (signal, kinds) in signals)
        {
            var texts = new List<string>();
            foreach (var lang in Phrasebook.Languages)
            {
                foreach (var kind in kinds)
                {
                    foreach (var template in lang.Sentences(kind))
                    {
                        Literals(template, texts);
                    }
                }

                if (signal == nameof(GeneratedSignals.Gift))
                {
                    foreach (var occasion in lang.Occasions)
                    {
                        texts.Add(occasion.Get(0, false));
                    }
                }
            }

            result[signal] = texts;
        }

        return result;
    }

    private static void Literals(Template template, List<string> texts)
    {
        foreach (var segment in template.Segments)
        {
            if (segment.Kind == SegmentKind.Literal)
            {
                texts.Add(segment.Text);
            }
            else if (segment.Kind == SegmentKind.Gender)
            {
                Literals(segment.Male!, texts);
                Literals(segment.Female!, texts);
            }
        }
    }

    /// <summary>The id of client <paramref name="index"/> (0-based): <c>SYN_0000001</c> …</summary>
    internal static string ClientId(long index) => "SYN_" + (index + 1).ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>p of the generative process (see the remarks), exact to the hundredth.</summary>
    internal static double PurchaseProbability(bool noLimit, bool luxury, bool gift, bool intent, bool urgency,
        bool hesitation, bool price, double budgetK, int daysSinceLast)
    {
        // In hundredths, so that p is exactly k / 100 (no 0.30000000000000004 in the labels file).
        var score = 30;
        score += noLimit ? 30 : 0;
        score += luxury ? 25 : 0;
        score += gift ? 20 : 0;
        score += intent ? 15 : 0;
        score += urgency ? 10 : 0;
        score -= hesitation ? 15 : 0;
        score -= price ? 10 : 0;
        score += budgetK >= 10 ? 5 : 0;
        score -= daysSinceLast > StaleDays ? 10 : 0;
        return Math.Clamp(score, 5, 95) / 100.0;
    }

    /// <summary>The churn probability of the generative process.</summary>
    internal static double ChurnProbability(double purchaseProbability, int daysSinceLast) =>
        Math.Clamp(1 - (0.8 * purchaseProbability) + (daysSinceLast > StaleDays ? 0.15 : 0), 0.02, 0.98);

    /// <summary>E[CLV] of the generative process.</summary>
    internal static double ExpectedLifetimeValue(bool noLimit, bool luxury, bool gift, double budgetK) =>
        3000 + (noLimit ? 25000 : 0) + (luxury ? 12000 : 0) + (gift ? 5000 : 0) + (400 * Math.Min(budgetK, 50));

    private static string[] Codes()
    {
        var codes = new string[Phrasebook.Languages.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = Phrasebook.Languages[i].Code;
        }

        return codes;
    }

    private static Lang[] ResolveLanguages(GeneratorOptions options)
    {
        if (options.Languages is null)
        {
            return Phrasebook.Languages;
        }

        if (options.Languages.Count == 0)
        {
            throw new ArgumentException("Languages is empty; give at least one of " + string.Join(' ', AllLanguages) + ", or null for all.", nameof(options));
        }

        var result = new Lang[options.Languages.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var code = options.Languages[i]?.Trim().ToUpperInvariant();
            result[i] = Array.Find(Phrasebook.Languages, l => l.Code == code)
                ?? throw new ArgumentException($"unknown language '{options.Languages[i]}'; known: {string.Join(' ', AllLanguages)}.", nameof(options));
        }

        return result;
    }
}
