namespace Clientele.Server.Schedules;

/// <summary>
/// A 5-field cron expression — minute, hour, day of month, month, day of week — with <c>*</c>, numbers,
/// lists (<c>1,15</c>), ranges (<c>1-5</c>) and steps (<c>*/15</c>, <c>0-30/10</c>). Day of week is 0–7
/// (0 and 7 are Sunday). As in classic cron, when both day fields are restricted a day matching either
/// one counts. Written here because no cron package is available offline, and five fields are little code.
/// </summary>
public sealed class CronExpression
{
    private readonly bool[] _minutes = new bool[60];
    private readonly bool[] _hours = new bool[24];
    private readonly bool[] _days = new bool[32];
    private readonly bool[] _months = new bool[13];
    private readonly bool[] _weekdays = new bool[7];
    private bool _anyDay;
    private bool _anyWeekday;

    private CronExpression(string text) => Text = text;

    public string Text { get; }

    /// <summary>Parses an expression; a <see cref="FormatException"/> says which field is wrong and why.</summary>
    public static CronExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            throw new FormatException($"'{text}' has {fields.Length} fields; expected 5 (minute hour day-of-month month day-of-week)");
        }

        var cron = new CronExpression(text);
        Fill(cron._minutes, fields[0], 0, 59, "minute");
        Fill(cron._hours, fields[1], 0, 23, "hour");
        Fill(cron._days, fields[2], 1, 31, "day of month");
        Fill(cron._months, fields[3], 1, 12, "month");
        var weekdays = new bool[8];
        Fill(weekdays, fields[4], 0, 7, "day of week");
        for (var d = 0; d < 7; d++)
        {
            cron._weekdays[d] = weekdays[d] || (d == 0 && weekdays[7]);
        }

        cron._anyDay = fields[2].StartsWith('*');
        cron._anyWeekday = fields[4].StartsWith('*');
        return cron;
    }

    /// <summary>The first minute strictly after <paramref name="after"/> that matches, or null if none within 5 years (e.g. 31 February).</summary>
    public DateTime? Next(DateTime after)
    {
        var t = new DateTime(after.Year, after.Month, after.Day, after.Hour, after.Minute, 0, after.Kind).AddMinutes(1);
        var limit = after.AddYears(5);
        while (t <= limit)
        {
            if (!_months[t.Month])
            {
                t = new DateTime(t.Year, t.Month, 1, 0, 0, 0, t.Kind).AddMonths(1);
                continue;
            }

            if (!DayMatches(t))
            {
                t = t.Date.AddDays(1);
                continue;
            }

            if (!_hours[t.Hour])
            {
                t = t.Date.AddHours(t.Hour + 1);
                continue;
            }

            if (!_minutes[t.Minute])
            {
                t = t.AddMinutes(1);
                continue;
            }

            return t;
        }

        return null;
    }

    /// <summary>Whether the minute of <paramref name="t"/> matches.</summary>
    public bool Matches(DateTime t) => _months[t.Month] && DayMatches(t) && _hours[t.Hour] && _minutes[t.Minute];

    private bool DayMatches(DateTime t)
    {
        var day = _days[t.Day];
        var weekday = _weekdays[(int)t.DayOfWeek];
        return _anyDay || _anyWeekday ? day && weekday : day || weekday;
    }

    private static void Fill(bool[] set, string field, int min, int max, string name)
    {
        foreach (var part in field.Split(','))
        {
            if (part.Length == 0)
            {
                throw new FormatException($"{name}: empty list item in '{field}'");
            }

            var step = 1;
            var range = part;
            var slash = part.IndexOf('/');
            if (slash >= 0)
            {
                step = Number(part[(slash + 1)..], 1, max - min + 1, name + " step");
                range = part[..slash];
            }

            int from, to;
            if (range == "*")
            {
                (from, to) = (min, max);
            }
            else if (range.IndexOf('-') is var dash and > 0)
            {
                from = Number(range[..dash], min, max, name);
                to = Number(range[(dash + 1)..], min, max, name);
                if (to < from)
                {
                    throw new FormatException($"{name}: range '{range}' ends before it starts");
                }
            }
            else
            {
                from = Number(range, min, max, name);
                // "5/15" means from 5 to the end, every 15, as in Vixie cron.
                to = slash >= 0 ? max : from;
            }

            for (var v = from; v <= to; v += step)
            {
                set[v] = true;
            }
        }
    }

    private static int Number(string text, int min, int max, string name)
    {
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) || v < min || v > max)
        {
            throw new FormatException($"{name}: '{text}' is not a number from {min} to {max}");
        }

        return v;
    }
}
