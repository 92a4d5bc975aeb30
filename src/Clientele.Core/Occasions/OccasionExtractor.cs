using Clientele.Core.Ingest;
using Clientele.Core.Text;

namespace Clientele.Core.Occasions;

/// <summary>
/// Finds occasions and important dates in advisor notes written in any of EN FR DE ES IT PT NL RU AR JA KO ZH,
/// often mixed: a trigger word names the kind ("birthday", "anniversaire de mariage", "誕生日"), and the nearest
/// date expression in the same sentence, if any, says when. Pure and clock-free: relative dates ("next month",
/// "in two weeks") are resolved against the note's own date. Rule-based on purpose, like
/// <see cref="Concepts.FactExtractor"/>: the phrasing is formulaic and every word is auditable data.
/// </summary>
public sealed class OccasionExtractor
{
    // Real notes are a few hundred characters; the cap bounds the work a pasted document can cause.
    private const int MaxScanChars = 20_000;

    private static readonly Lazy<OccasionExtractor> BuiltinInstance = new(() => new OccasionExtractor(OccasionWords.LoadBuiltin()));

    private readonly TriggerFinder triggers;
    private readonly DateFinder dates;

    private OccasionExtractor(OccasionWords words)
    {
        triggers = new TriggerFinder(words);
        dates = new DateFinder(words);
    }

    /// <summary>The extractor with the words shipped in this assembly (built once, thread-safe).</summary>
    public static OccasionExtractor Builtin => BuiltinInstance.Value;

    /// <summary>Occasions of one note.</summary>
    public IReadOnlyList<Occasion> Extract(Note note)
    {
        ArgumentNullException.ThrowIfNull(note);
        return Extract(note.ClientId, note.Date, note.Text);
    }

    /// <summary>
    /// Occasions in <paramref name="text"/>, in text order, at most one per kind and date: a kind mentioned twice
    /// ("her birthday is on 14 March … a birthday gift") is one occasion, the dated mention kept.
    /// </summary>
    public IReadOnlyList<Occasion> Extract(string clientId, DateOnly? noteDate, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scanned = text.Length > MaxScanChars ? text[..MaxScanChars] : text;
        var folded = TextFolder.Fold(scanned);
        var found = MergeEvents(folded, triggers.Find(scanned, folded));
        if (found.Count == 0)
        {
            return [];
        }

        var mentions = dates.Find(folded, Windows(found, folded.Length));
        var links = DateLinker.Link(folded, found, mentions);
        var occasions = new List<Occasion>(found.Count);
        for (var i = 0; i < found.Count; i++)
        {
            var trigger = found[i];
            var recurring = OccasionKinds.IsRecurring(trigger.Kind);
            var (date, month, day) = links[i] is { } m ? Resolve(m, noteDate, recurring) : (null, null, null);
            var start = links[i] is { } l ? Math.Min(l.Start, trigger.Start) : trigger.Start;
            var end = links[i] is { } r ? Math.Max(r.End, trigger.End) : trigger.End;
            occasions.Add(new Occasion(clientId, trigger.Kind, date, month, day, recurring, noteDate, start, end, scanned[start..end]));
        }

        return Deduplicate(occasions);
    }

    /// <summary>What a date mention pins down for an occasion, given the note's date.</summary>
    internal static (DateOnly? Date, int? Month, int? Day) Resolve(DateMention mention, DateOnly? noteDate, bool recurring)
    {
        switch (mention.Precision)
        {
            case DatePrecision.DayMonth:
                DateOnly? date = recurring
                    ? noteDate is { } a ? DateResolver.NextOccurrence(mention.Month, mention.Day, a, inclusive: false) : null
                    : mention.Year is { } y ? new DateOnly(y, mention.Month, mention.Day)
                    : noteDate is { } b ? DateResolver.NextOccurrence(mention.Month, mention.Day, b, inclusive: true) : null;
                return (date, mention.Month, mention.Day);
            case DatePrecision.Month:
                return (null, mention.Month, null);
            case DatePrecision.RelativeDays when noteDate is { } anchor:
                var day = anchor.AddDays(mention.Offset);

                // "Her birthday was last week": the next one is a year on.
                if (recurring && day <= anchor)
                {
                    day = DateResolver.NextOccurrence(day.Month, day.Day, anchor, inclusive: false);
                }

                return (day, day.Month, day.Day);
            case DatePrecision.RelativeMonths when noteDate is { } anchor:
                return (null, DateResolver.MonthAfter(anchor, mention.Offset), null);
            default:
                return (null, null, null);
        }
    }

    // Dates are only looked for where DateLinker could tie them to a trigger, plus room for the date itself.
    private static List<(int Start, int End)> Windows(List<TriggerHit> hits, int length)
    {
        const int Before = DateLinker.MaxBackward + 40;
        const int After = DateLinker.MaxForward + 40;
        var windows = new List<(int Start, int End)>();
        foreach (var hit in hits)
        {
            var start = Math.Max(0, hit.Start - Before);
            var end = Math.Min(length, hit.End + After);
            if (windows.Count > 0 && start <= windows[^1].End)
            {
                windows[^1] = (windows[^1].Start, Math.Max(end, windows[^1].End));
            }
            else
            {
                windows.Add((start, end));
            }
        }

        return windows;
    }

    // "Birthday party", "fête son anniversaire", "20주년 행사": an event word next to a more specific occasion is
    // that occasion's celebration, not a second occasion.
    private static List<TriggerHit> MergeEvents(string folded, List<TriggerHit> hits)
    {
        const int Adjacent = 12;
        return hits.FindAll(h => h.Kind != OccasionKinds.Event || !hits.Exists(o =>
            o.Kind != OccasionKinds.Event
            && (o.Start >= h.End ? o.Start - h.End : h.Start - o.End) is >= 0 and <= Adjacent
            && !Crosses(folded, Math.Min(h.End, o.End), Math.Max(h.Start, o.Start))));
    }

    private static bool Crosses(string folded, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (TriggerFinder.IsSentenceBreak(folded, i) || folded[i] == ',')
            {
                return true;
            }
        }

        return false;
    }

    private static List<Occasion> Deduplicate(List<Occasion> occasions)
    {
        var kept = new List<Occasion>(occasions.Count);
        foreach (var o in occasions)
        {
            var sameKind = kept.FindIndex(k => k.Kind == o.Kind && (k.Month is null || o.Month is null || (k.Month == o.Month && (k.Day is null || o.Day is null || k.Day == o.Day))));
            if (sameKind < 0)
            {
                kept.Add(o);
            }
            else if (Precision(o) > Precision(kept[sameKind]))
            {
                kept[sameKind] = o;
            }
        }

        return kept;
    }

    private static int Precision(Occasion o) => (o.Date is null ? 0 : 4) + (o.Day is null ? 0 : 2) + (o.Month is null ? 0 : 1);
}
