namespace Clientele.Core.Occasions;

/// <summary>
/// Ties each trigger to at most one date mention: the nearest in the same sentence, a date after the trigger
/// ("birthday on 14 March") preferred to one before ("le 12 octobre, anniversaire de mariage"), each date used once.
/// </summary>
internal static class DateLinker
{
    // Beyond these distances (in characters) a date is about something else in the sentence.
    internal const int MaxForward = 60;
    internal const int MaxBackward = 40;
    private const double BackwardPenalty = 1.5;

    /// <summary>For each trigger (same order), the date mention it is tied to, or null.</summary>
    public static DateMention?[] Link(string folded, List<TriggerHit> triggers, List<DateMention> mentions)
    {
        var links = new DateMention?[triggers.Count];
        if (mentions.Count == 0)
        {
            return links;
        }

        var pairs = new List<(double Cost, int Trigger, int Mention)>();
        for (var t = 0; t < triggers.Count; t++)
        {
            for (var m = 0; m < mentions.Count; m++)
            {
                if (Cost(folded, triggers[t], mentions[m]) is { } cost)
                {
                    pairs.Add((cost, t, m));
                }
            }
        }

        // Greedy by distance: the closest pair is surest; ties go to the earlier trigger.
        pairs.Sort((a, b) => a.Cost != b.Cost ? a.Cost.CompareTo(b.Cost) : a.Trigger.CompareTo(b.Trigger));
        var used = new bool[mentions.Count];
        foreach (var (_, t, m) in pairs)
        {
            if (links[t] is null && !used[m])
            {
                links[t] = mentions[m];
                used[m] = true;
            }
        }

        return links;
    }

    private static double? Cost(string folded, TriggerHit trigger, DateMention mention)
    {
        if (mention.Start >= trigger.End)
        {
            var gap = mention.Start - trigger.End;
            return gap <= MaxForward && !Broken(folded, trigger.End, mention.Start) ? gap : null;
        }

        if (mention.End <= trigger.Start)
        {
            var gap = trigger.Start - mention.End;
            return gap <= MaxBackward && !Broken(folded, mention.End, trigger.Start) ? 1 + (gap * BackwardPenalty) : null;
        }

        // A date inside a prefix trigger's word is not expected; treat overlap as adjacent.
        return 0;
    }

    private static bool Broken(string folded, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (TriggerFinder.IsSentenceBreak(folded, i))
            {
                return true;
            }
        }

        return false;
    }
}
