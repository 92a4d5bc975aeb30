using Clientele.Core.Errors;

namespace Clientele.Core.Labels;

/// <summary>How many clients of a training set carry a label for one target, and how the classes split.</summary>
/// <param name="Target">The target counted.</param>
/// <param name="Labelled">Clients of the training set with a value for the target.</param>
/// <param name="Positives">Of those, how many are 1 (binary targets; 0 for lifetime value).</param>
/// <param name="Negatives">Of those, how many are 0 (binary targets; 0 for lifetime value).</param>
public readonly record struct LabelCounts(Target Target, int Labelled, int Positives, int Negatives)
{
    /// <summary>Size of the rarer class of a binary target; -1 for lifetime value.</summary>
    public int Minority => Targets.IsBinary(Target) ? Math.Min(Positives, Negatives) : -1;
}

/// <summary>The counts of every target and, when a target has too few labels to fit, the message saying so.</summary>
public sealed record LabelSufficiencyResult(IReadOnlyList<LabelCounts> Counts, IReadOnlyList<string> Problems)
{
    /// <summary>True when every target with labels has enough of them (or small sets were allowed).</summary>
    public bool Sufficient => Problems.Count == 0;
}

/// <summary>
/// Decides whether a labels set can fit a model on a training set (issue 14, item 2): at least
/// <see cref="MinClients"/> labelled clients per target and, for a binary target, <see cref="MinMinority"/> of
/// the rarer class. Pure: the CLI and the API call it before training and turn a failure into exit 2 / 400
/// unless the user allowed small sets (<c>--allow-small</c>).
/// </summary>
public static class LabelSufficiency
{
    /// <summary>Fewer labelled clients than this cannot give a stable fit or a meaningful holdout.</summary>
    public const int MinClients = 50;

    /// <summary>Fewer of the rarer class than this and the holdout has one or two of them: AUC is noise.</summary>
    public const int MinMinority = 10;

    /// <summary>Counts labels of the clients in <paramref name="clientIds"/> (the notes' clients) for each target.</summary>
    public static LabelSufficiencyResult Check(LabelSet labels, IEnumerable<string> clientIds, bool allowSmall)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(clientIds);
        var ids = clientIds.Distinct(StringComparer.Ordinal).ToList();
        var counts = new List<LabelCounts>();
        var problems = new List<string>();
        var anyMatched = false;
        foreach (var target in Targets.All)
        {
            int labelled = 0, positives = 0, negatives = 0;
            foreach (var id in ids)
            {
                if (labels.For(id)?.Value(target) is not { } v)
                {
                    continue;
                }

                labelled++;
                positives += Targets.IsBinary(target) && v == 1 ? 1 : 0;
                negatives += Targets.IsBinary(target) && v == 0 ? 1 : 0;
            }

            var c = new LabelCounts(target, labelled, positives, negatives);
            counts.Add(c);
            anyMatched |= labelled > 0;
            if (labelled > 0 && !allowSmall && (labelled < MinClients || (c.Minority >= 0 && c.Minority < MinMinority)))
            {
                problems.Add(Messages.TooFewLabels(Targets.Name(target), labelled, c.Minority, MinClients, MinMinority));
            }
        }

        if (!anyMatched && !labels.IsSmart)
        {
            // No overlap at all is never small data: it is the wrong file or ids that differ.
            problems.Insert(0, Messages.LabelsMatchNoClient(labels.Source));
        }

        return new LabelSufficiencyResult(counts, problems);
    }

    /// <summary>Like <see cref="Check"/>, throwing the first problem as bad input.</summary>
    public static LabelSufficiencyResult Require(LabelSet labels, IEnumerable<string> clientIds, bool allowSmall)
    {
        var result = Check(labels, clientIds, allowSmall);
        return result.Sufficient ? result : throw new ClienteleInputException(labels.Source, null, null, string.Join("; ", result.Problems));
    }
}
