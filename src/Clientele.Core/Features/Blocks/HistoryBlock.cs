namespace Clientele.Core.Features.Blocks;

/// <summary>The contact history: how many meetings, how long since the last, over how long a span.</summary>
internal sealed class HistoryBlock() : NamedColumnsBlock(
    "history:", FeatureKind.History, ["note_count", "days_since_last_note", "contact_span_days", "date_missing"],
    i => new HistorySubject((HistoryColumn)i))
{
    public override void Write(in FeatureRow row, Span<float> destination)
    {
        var profile = row.Profile;
        destination[(int)HistoryColumn.NoteCount] = profile.NoteCount;
        if (profile.LastDate is { } last && row.Reference is { } r)
        {
            destination[(int)HistoryColumn.DaysSinceLastNote] = Math.Max(0, r.DayNumber - last.DayNumber);
            destination[(int)HistoryColumn.ContactSpanDays] = profile.FirstDate is { } first ? last.DayNumber - first.DayNumber : 0;
        }
        else
        {
            destination[(int)HistoryColumn.DateMissing] = 1;
        }
    }
}
