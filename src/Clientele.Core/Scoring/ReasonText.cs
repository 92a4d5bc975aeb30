using System.Globalization;
using System.Text;
using Clientele.Core.Concepts;
using Clientele.Core.Labels;

namespace Clientele.Core.Scoring;

/// <summary>
/// The one renderer of reasons as text: "purchase: + anniversary, + budget 3-5K; churn: − hesitant". Targets are
/// separated by "; " and named once, reasons by ", ", each signed (+ raises the score, − lowers it).
/// </summary>
public static class ReasonText
{
    /// <summary>Appends <paramref name="reasons"/> (grouped by target, as <see cref="ClientReasons"/> keeps them) to <paramref name="sb"/>.</summary>
    public static void Append(StringBuilder sb, ReadOnlySpan<Reason> reasons, NoteFacts facts)
    {
        ArgumentNullException.ThrowIfNull(sb);
        for (var i = 0; i < reasons.Length; i++)
        {
            var newTarget = i == 0 || reasons[i].Target != reasons[i - 1].Target;
            if (newTarget)
            {
                if (i > 0)
                {
                    sb.Append("; ");
                }

                sb.Append(Label(reasons[i].Target)).Append(": ");
            }
            else
            {
                sb.Append(", ");
            }

            AppendOne(sb, reasons[i], facts);
        }
    }

    /// <summary>Appends one target's reasons without the target's name: "+ anniversary, − hesitant".</summary>
    public static void AppendList(StringBuilder sb, ReadOnlySpan<Reason> reasons, NoteFacts facts)
    {
        ArgumentNullException.ThrowIfNull(sb);
        for (var i = 0; i < reasons.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            AppendOne(sb, reasons[i], facts);
        }
    }

    /// <summary>How a target is named in reasons.</summary>
    public static string Label(Target target) => target switch
    {
        Target.Purchased => "purchase",
        Target.Churned => "churn",
        _ => "value",
    };

    /// <summary>
    /// The subject's name without the client's values: what reasons about it are summed and tied under (a concept
    /// whose label reads the same as a fact's name shares its reason).
    /// </summary>
    public static string Name(ReasonSubject subject) => subject.Kind switch
    {
        ReasonSubjectKind.Concept => subject.Concept?.Label ?? string.Empty,
        ReasonSubjectKind.Budget => "stated budget",
        ReasonSubjectKind.Age => "age",
        ReasonSubjectKind.MeetingCount => "number of meetings",
        ReasonSubjectKind.Column => subject.Column ?? string.Empty,
        ReasonSubjectKind.Phrase => "mentions «" + subject.Phrase + "»",
        ReasonSubjectKind.PurchaseCount => "number of purchases",
        ReasonSubjectKind.PurchaseRecency => "recency of purchases",
        ReasonSubjectKind.Spend => "spend",
        _ => "recency of contact",
    };

    private static void AppendOne(StringBuilder sb, Reason reason, NoteFacts facts)
    {
        sb.Append(reason.Weight > 0 ? "+ " : "− ");
        switch (reason.Subject.Kind)
        {
            case ReasonSubjectKind.Budget when facts.BudgetLowK is { } low:
                sb.Append("budget ");
                AppendBudget(sb, low, facts.BudgetHighK, facts.BudgetOpenEnded);
                break;
            case ReasonSubjectKind.Column when reason.Subject.Value is { } value:
                sb.Append(reason.Subject.Column).Append(": ").Append(value);
                break;
            case ReasonSubjectKind.Age when facts.Age is { } age:
                sb.Append("age ").Append(age.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                sb.Append(Name(reason.Subject));
                break;
        }
    }

    private static void AppendBudget(StringBuilder sb, float low, float? high, bool open)
    {
        sb.Append(low.ToString("0.#", CultureInfo.InvariantCulture));
        if (high is { } h && h > low)
        {
            sb.Append('-').Append(h.ToString("0.#", CultureInfo.InvariantCulture));
        }

        sb.Append('K');
        if (open)
        {
            sb.Append('+');
        }
    }
}
