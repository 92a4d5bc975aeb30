using System.Globalization;
using System.Text;
using Clientele.Core.Concepts;

namespace Clientele.Core.Tests.Concepts;

/// <summary>
/// The golden file of stated facts (facts.golden.tsv): one note per line, escaped, then the facts the extractor
/// stated for it. It replaced a test oracle that copied the extractor: the outputs are recorded from the production
/// extractor once and every later engine must reproduce them byte for byte. A change meant to alter facts
/// re-records the file (<c>CLIENTELE_RECORD_FACTS_GOLDEN=1 dotnet test --filter FactsGolden</c>, which keeps the
/// notes and rewrites the facts) and explains each difference in its commit.
/// </summary>
internal static class FactsGolden
{
    public const string Header = "# note (escaped: \\\\ \\t \\n \\r \\uXXXX)\tbudget_low_k\tbudget_high_k\tbudget_open_ended\tage";

    public static bool Recording => Environment.GetEnvironmentVariable("CLIENTELE_RECORD_FACTS_GOLDEN") == "1";

    public static string FilePath() => Clientele.TestKit.RepoPaths.Of("tests", "Clientele.Core.Tests", "Concepts", "facts.golden.tsv");

    /// <summary>The notes of a golden file: its first column, unescaped.</summary>
    public static List<string> Notes(string golden) =>
        golden.Split('\n').Where(line => line.Length > 0 && !line.StartsWith('#')).Select(line => Unescape(line.Split('\t')[0])).ToList();

    /// <summary>The golden file's text for these notes, facts stated by <paramref name="extract"/>.</summary>
    public static string Render(IEnumerable<string> notes, Func<string, NoteFacts> extract)
    {
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var note in notes)
        {
            var f = extract(note);
            sb.Append(Escape(note)).Append('\t').Append(Cell(f.BudgetLowK)).Append('\t').Append(Cell(f.BudgetHighK))
                .Append('\t').Append(f.BudgetOpenEnded ? "1" : "0").Append('\t')
                .Append(f.Age?.ToString(CultureInfo.InvariantCulture) ?? string.Empty).Append('\n');
        }

        return sb.ToString();
    }

    // Shortest round-trip form: equal strings mean bit-equal floats.
    private static string Cell(float? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>One line per note, valid UTF-8 whatever the note holds (control characters, lone surrogates).</summary>
    public static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            bool pairedSurrogate = (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                || (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(s[i - 1]));
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '\t': sb.Append(@"\t"); break;
                case '\n': sb.Append(@"\n"); break;
                case '\r': sb.Append(@"\r"); break;
                default:
                    if (c < 0x20 || c == 0x7F || c is '\u0085' or '\u2028' or '\u2029' || (char.IsSurrogate(c) && !pairedSurrogate))
                    {
                        sb.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    public static string Unescape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\')
            {
                sb.Append(s[i]);
                continue;
            }

            char e = s[++i];
            switch (e)
            {
                case 't': sb.Append('\t'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 'u': sb.Append((char)int.Parse(s.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)); i += 4; break;
                default: sb.Append(e); break;
            }
        }

        return sb.ToString();
    }
}
