using System.Text;

namespace Clientele.Synthetic.Phrases;

/// <summary>
/// A sentence template, parsed once. Syntax: <c>{X}</c> or <c>{Xn}</c> is slot X in form n; <c>[m|f]</c> picks by
/// the client's gender (branches may hold slots). Slots: N name with title, S surname, A age, J profession,
/// P/Q product (two different ones), C colour, M material, H hobby, B budget figure, Y client-since year,
/// R gift recipient, O occasion, D deadline, T place.
/// </summary>
internal sealed class Template
{
    private const string Slots = "NSAJPQCMHBYRODT";

    private Template(Segment[] segments, string source)
    {
        Segments = segments;
        Source = source;
    }

    public Segment[] Segments { get; }

    public string Source { get; }

    public static Template Parse(string source)
    {
        var segments = new List<Segment>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '{')
            {
                var end = source.IndexOf('}', i);
                if (end < 0 || end - i < 2 || end - i > 3 || !Slots.Contains(source[i + 1]))
                {
                    throw new ArgumentException($"bad slot in template '{source}'");
                }

                var form = end - i == 3 ? source[i + 2] - '0' : 0;
                if (form is < 0 or > 9)
                {
                    throw new ArgumentException($"bad slot form in template '{source}'");
                }

                Flush(segments, literal);
                segments.Add(new Segment { Kind = SegmentKind.Slot, Slot = source[i + 1], Form = form });
                i = end + 1;
            }
            else if (c == '[')
            {
                var end = source.IndexOf(']', i);
                var bar = source.IndexOf('|', i);
                if (end < 0 || bar < 0 || bar > end || source.IndexOf('|', bar + 1) is var bar2 && bar2 >= 0 && bar2 < end)
                {
                    throw new ArgumentException($"bad gender choice in template '{source}'");
                }

                Flush(segments, literal);
                segments.Add(new Segment
                {
                    Kind = SegmentKind.Gender,
                    Male = Parse(source[(i + 1)..bar]),
                    Female = Parse(source[(bar + 1)..end]),
                });
                i = end + 1;
            }
            else if (c is '}' or ']' or '|' or '~')
            {
                throw new ArgumentException($"stray '{c}' in template '{source}'");
            }
            else
            {
                literal.Append(c);
                i++;
            }
        }

        Flush(segments, literal);
        return new Template([.. segments], source);
    }

    private static void Flush(List<Segment> segments, StringBuilder literal)
    {
        if (literal.Length > 0)
        {
            segments.Add(new Segment { Kind = SegmentKind.Literal, Text = literal.ToString() });
            literal.Clear();
        }
    }
}
