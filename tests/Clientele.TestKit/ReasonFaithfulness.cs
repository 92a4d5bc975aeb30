using Clientele.Core.Concepts;
using Clientele.Core.Labels;
using Clientele.Core.Lexicon;
using Clientele.Core.Scoring;
using Clientele.Synthetic;

namespace Clientele.TestKit;

/// <summary>
/// Issue 17's faithfulness figure on generated notes: of the reasons shown, the share that name a true driver of the
/// generator (<see cref="GeneratedSignals"/>) the client really has, with the sign that driver moves the target by,
/// per target; and the share of clients that get at least one reason per target.
/// </summary>
/// <remarks>
/// The sign of a driver for one client is that of its effect against the population's average (the exact SHAP value
/// of the generator's additive rule): a signal the client has moves purchase by its weight (no-limit, luxury, gift,
/// intent, urgency up; hesitation, price sensitivity down) and churn the other way (churn = 1 − 0.8·p); value moves
/// with no-limit, luxury and gift. A stated budget raises purchase (lowers churn) when it is 10K or more, and lowers
/// it otherwise; it moves value by 400·min(budget, 50) against the population's mean. Contact recency lowers
/// purchase and raises churn when the last note is over 180 days old, the other way otherwise. Everything else
/// (age, number of meetings, colours, products, hobbies, VIP, allergies, columns, unmatched phrases) is no driver.
/// A concept found in a signal's own sentences (<see cref="NotesGenerator.SignalWording"/>: "exotic leathers" is
/// written for luxury only) speaks for that signal, as does a concept of the signal's category; a phrase of the text
/// channel speaks for the signal whose sentences contain it.
/// </remarks>
public sealed class ReasonFaithfulness
{
    private readonly Dictionary<string, GeneratedSignals> _signals;
    private readonly Dictionary<string, HashSet<string>> _conceptSignals = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _wording = NotesGenerator.SignalWording();
    private readonly double _meanBudget;

    public ReasonFaithfulness(IReadOnlyList<GeneratedSignals> signals, ConceptLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(lexicon);
        _signals = signals.ToDictionary(s => s.ClientId, StringComparer.Ordinal);
        _meanBudget = signals.Count == 0 ? 0 : signals.Average(s => Math.Min(s.BudgetK, 50));
        var matcher = ConceptMatcher.Build(lexicon);
        foreach (var (signal, texts) in _wording)
        {
            foreach (var text in texts)
            {
                foreach (var match in matcher.Match(text))
                {
                    var id = lexicon.Concepts[match.ConceptIndex].Id;
                    if (!_conceptSignals.TryGetValue(id, out var set))
                    {
                        _conceptSignals[id] = set = new HashSet<string>(StringComparer.Ordinal);
                    }

                    set.Add(signal);
                }
            }
        }
    }

    /// <summary>The figure per target over <paramref name="scores"/> (clients the generator does not know are skipped).</summary>
    public IReadOnlyDictionary<Target, Figure> Measure(IEnumerable<ClientScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var shown = new Dictionary<Target, int>();
        var faithful = new Dictionary<Target, int>();
        var covered = new Dictionary<Target, int>();
        var clients = 0;
        foreach (var score in scores)
        {
            if (!_signals.TryGetValue(score.ClientId, out var truth))
            {
                continue;
            }

            clients++;
            var any = new HashSet<Target>();
            foreach (var reason in score.Explanation.Items)
            {
                any.Add(reason.Target);
                shown[reason.Target] = shown.GetValueOrDefault(reason.Target) + 1;
                if (TrueSign(reason, truth) is { } sign && sign == Math.Sign(reason.Weight))
                {
                    faithful[reason.Target] = faithful.GetValueOrDefault(reason.Target) + 1;
                }
            }

            foreach (var t in any)
            {
                covered[t] = covered.GetValueOrDefault(t) + 1;
            }
        }

        return Targets.All.ToDictionary(t => t, t => new Figure(shown.GetValueOrDefault(t), faithful.GetValueOrDefault(t), covered.GetValueOrDefault(t), clients));
    }

    /// <summary>
    /// The unfaithful reasons of <paramref name="target"/> counted by what they say and what the rule says ("+ stated
    /// budget, true −", "− hobbies, no driver"), most frequent first: where a faithfulness figure loses its points.
    /// </summary>
    public IReadOnlyList<(string Miss, int Count)> Misses(IEnumerable<ClientScore> scores, Target target)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var score in scores)
        {
            if (!_signals.TryGetValue(score.ClientId, out var truth))
            {
                continue;
            }

            foreach (var reason in score.Explanation.Items)
            {
                if (reason.Target != target)
                {
                    continue;
                }

                var sign = TrueSign(reason, truth);
                if (sign != Math.Sign(reason.Weight))
                {
                    var miss = $"{(reason.Weight > 0 ? '+' : '-')} {ReasonText.Name(reason.Subject)}, {(sign is { } s ? (s > 0 ? "true +" : "true -") : "no driver")}";
                    counts[miss] = counts.GetValueOrDefault(miss) + 1;
                }
            }
        }

        return counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value)).ToList();
    }

    /// <summary>The sign the generator's rule gives the reason's subject for this client; null when it is no driver the client has.</summary>
    public int? TrueSign(Reason reason, GeneratedSignals truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var purchase = reason.Subject.Kind switch
        {
            ReasonSubjectKind.Concept => CategorySign(reason.Subject.Concept!.Category, reason.Target, truth)
                ?? SignalsSign(_conceptSignals.GetValueOrDefault(reason.Subject.Concept!.Id), reason.Target, truth),
            ReasonSubjectKind.Phrase => SignalsSign(PhraseSignals(reason.Subject.Phrase ?? string.Empty), reason.Target, truth),
            ReasonSubjectKind.Budget => BudgetSign(reason.Target, truth),
            ReasonSubjectKind.ContactRecency => reason.Target == Target.LifetimeValue ? null : (truth.Stale ? -1 : 1) * Flip(reason.Target),
            _ => null,
        };
        return purchase;
    }

    private IEnumerable<string> PhraseSignals(string phrase) =>
        phrase.Length == 0 ? [] : _wording.Where(w => w.Value.Any(t => t.Contains(phrase, StringComparison.OrdinalIgnoreCase))).Select(w => w.Key);

    private int? SignalsSign(IEnumerable<string>? signals, Target target, GeneratedSignals s)
    {
        foreach (var signal in signals ?? [])
        {
            var category = signal switch
            {
                nameof(GeneratedSignals.NoLimit) => ConceptCategory.NoLimitBudget,
                nameof(GeneratedSignals.Luxury) => ConceptCategory.Luxury,
                nameof(GeneratedSignals.Gift) => ConceptCategory.Gift,
                nameof(GeneratedSignals.Intent) => ConceptCategory.Intent,
                nameof(GeneratedSignals.Urgency) => ConceptCategory.Urgency,
                nameof(GeneratedSignals.Hesitation) => ConceptCategory.Hesitation,
                nameof(GeneratedSignals.Price) => ConceptCategory.PriceSensitive,
                _ => ConceptCategory.Budget,
            };
            if (CategorySign(category, target, s) is { } sign)
            {
                return sign;
            }
        }

        return null;
    }

    private int? CategorySign(string category, Target target, GeneratedSignals s)
    {
        if (category == ConceptCategory.Budget)
        {
            return BudgetSign(target, s);
        }

        (bool Has, int Sign, bool Value) driver = category switch
        {
            ConceptCategory.NoLimitBudget => (s.NoLimit, 1, true),
            ConceptCategory.Luxury => (s.Luxury, 1, true),
            ConceptCategory.Gift or ConceptCategory.Occasion => (s.Gift, 1, true),
            ConceptCategory.Intent => (s.Intent, 1, false),
            ConceptCategory.Urgency => (s.Urgency, 1, false),
            ConceptCategory.Hesitation => (s.Hesitation, -1, false),
            ConceptCategory.PriceSensitive => (s.Price, -1, false),
            _ => (false, 0, false),
        };
        if (!driver.Has || (target == Target.LifetimeValue && !driver.Value))
        {
            return null;
        }

        return driver.Sign * Flip(target);
    }

    private int? BudgetSign(Target target, GeneratedSignals s)
    {
        if (s.BudgetK <= 0)
        {
            return null;
        }

        if (target == Target.LifetimeValue)
        {
            var d = Math.Min(s.BudgetK, 50) - _meanBudget;
            return d == 0 ? null : Math.Sign(d);
        }

        return (s.BudgetK >= 10 ? 1 : -1) * Flip(target);
    }

    /// <summary>Churn moves against purchase (1 − 0.8·p); value and purchase with it.</summary>
    private static int Flip(Target target) => target == Target.Churned ? -1 : 1;

    /// <summary>One target's figure.</summary>
    /// <param name="Shown">Reasons shown on the target.</param>
    /// <param name="Faithful">Of them, those naming a true driver with its sign.</param>
    /// <param name="Covered">Clients with at least one reason on the target.</param>
    /// <param name="Clients">Clients measured.</param>
    public sealed record Figure(int Shown, int Faithful, int Covered, int Clients)
    {
        /// <summary>Faithful ÷ shown (0 when nothing is shown).</summary>
        public double Share => Shown == 0 ? 0 : (double)Faithful / Shown;

        /// <summary>Covered ÷ clients.</summary>
        public double Coverage => Clients == 0 ? 0 : (double)Covered / Clients;
    }
}
