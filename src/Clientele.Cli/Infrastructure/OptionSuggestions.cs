using System.Reflection;
using Spectre.Console.Cli;

namespace Clientele.Cli.Infrastructure;

/// <summary>
/// The nearest valid name for a mistyped option or verb ("--tierr" → "--tier", "--no-stor" → "--no-store"),
/// so an unknown name is an error that says what was probably meant.
/// </summary>
public static class OptionSuggestions
{
    /// <summary>A name further than this (edits) from every valid one gets no suggestion: it is not a typo.</summary>
    public const int MaxDistance = 4;

    /// <summary>Every long and short option name of a settings type, with dashes ("--notes", "-q").</summary>
    public static IReadOnlyList<string> OptionsOf(Type settings) =>
        [.. settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
            .Where(a => a is not null)
            .SelectMany(a => a!.LongNames.Select(n => "--" + n).Concat(a.ShortNames.Select(n => "-" + n)))
            .Concat(["--help", "-h"])
            .Distinct(StringComparer.Ordinal)];

    /// <summary>The candidate nearest to <paramref name="typed"/>, or null when none is near.</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            // A prefix or an extension of a valid name is the likeliest typo ("--label" for "--labels").
            var d = c.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || typed.StartsWith(c, StringComparison.OrdinalIgnoreCase)
                ? Math.Abs(c.Length - typed.Length)
                : Distance(typed.ToLowerInvariant(), c.ToLowerInvariant());
            if (d < bestDistance)
            {
                (best, bestDistance) = (c, d);
            }
        }

        return bestDistance <= Math.Max(MaxDistance, typed.Length / 2) ? best : null;
    }

    /// <summary>Levenshtein distance (insert, delete, substitute).</summary>
    public static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
