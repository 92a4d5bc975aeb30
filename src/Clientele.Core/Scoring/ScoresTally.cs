namespace Clientele.Core.Scoring;

/// <summary>
/// What a scoring run's summary says (count, means, segment counts), added up score by score so that a run which
/// writes each batch and lets it go can still report it: the figures are those of the whole list, summed in its order.
/// </summary>
public sealed class ScoresTally
{
    private readonly Dictionary<string, int> _value = Segments.ValueNames.ToDictionary(n => n, _ => 0, StringComparer.Ordinal);
    private readonly Dictionary<string, int> _risk = Segments.RiskNames.ToDictionary(n => n, _ => 0, StringComparer.Ordinal);
    private Mean _purchase;
    private Mean _churn;
    private Mean _clv;

    /// <summary>Clients scored.</summary>
    public int Count { get; private set; }

    /// <summary>Mean purchase probability over the scores that have one; NaN when none has.</summary>
    public double MeanPurchaseProb => _purchase.Value;

    /// <summary>Mean churn risk over the scores that have one; NaN when none has.</summary>
    public double MeanChurnRisk => _churn.Value;

    /// <summary>Mean predicted lifetime value over the scores that have one; NaN when none has.</summary>
    public double MeanClv => _clv.Value;

    /// <summary>Clients per value segment, every segment named (zero included).</summary>
    public IReadOnlyDictionary<string, int> ValueSegments => _value;

    /// <summary>Clients per risk segment, every segment named (zero included).</summary>
    public IReadOnlyDictionary<string, int> RiskSegments => _risk;

    /// <summary>The tally of a whole list.</summary>
    public static ScoresTally Of(IEnumerable<ClientScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var tally = new ScoresTally();
        foreach (var s in scores)
        {
            tally.Add(s);
        }

        return tally;
    }

    /// <summary>Counts one more score.</summary>
    public void Add(ClientScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        Count++;
        _purchase.Add(score.PurchaseProb);
        _churn.Add(score.ChurnRisk);
        _clv.Add(score.PredictedClv);
        if (_value.TryGetValue(score.ValueSegment, out var v))
        {
            _value[score.ValueSegment] = v + 1;
        }

        if (_risk.TryGetValue(score.RiskSegment, out var r))
        {
            _risk[score.RiskSegment] = r + 1;
        }
    }

    // A running sum in input order: the same double a sum over the finished list gives.
    private struct Mean
    {
        private double _sum;
        private int _count;

        public readonly double Value => _count == 0 ? double.NaN : _sum / _count;

        public void Add(double x)
        {
            if (!double.IsNaN(x))
            {
                _sum += x;
                _count++;
            }
        }
    }
}
