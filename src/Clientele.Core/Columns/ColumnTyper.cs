using Clientele.Core.Errors;
using Clientele.Core.Profiles;
using Clientele.Core.Text;

namespace Clientele.Core.Columns;

/// <summary>
/// Types every extra column of the notes from the clients' values (rules and thresholds in <see cref="Defaults"/>):
/// identifiers first (header words, e-mail and phone shapes, one value per client), then numbers, dates, free text
/// and small categorical sets; overrides win over the inference but never make an identifier a feature.
/// </summary>
public static class ColumnTyper
{
    private static readonly HashSet<string> IdentifierWords = EmbeddedTable.Read("Clientele.Core.Columns.identifier-words.tsv")
        .Select(r => TextFolder.Fold(r[0])).ToHashSet(StringComparer.Ordinal);

    /// <summary>The extra column names of <paramref name="profiles"/> (those of the first client that has any), in file order.</summary>
    public static IReadOnlyList<string> ColumnNames(IReadOnlyList<ClientProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        return profiles.FirstOrDefault(p => p.Columns is not null)?.Columns!.Names ?? [];
    }

    /// <summary>
    /// The schema of the extra columns of <paramref name="profiles"/>, before fitting (no levels, no leakage
    /// measured); throws when <paramref name="overrides"/> names a column the file lacks (<paramref name="source"/>: the notes file).
    /// </summary>
    public static IReadOnlyList<ColumnSpec> Infer(IReadOnlyList<ClientProfile> profiles, ColumnOverrides? overrides, string source)
    {
        overrides ??= ColumnOverrides.None;
        var names = ColumnNames(profiles);
        foreach (var (name, option) in overrides.Named())
        {
            if (!names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ClienteleInputException(source, null, null, ColumnMessages.UnknownColumn(name, option, names));
            }
        }

        var specs = new List<ColumnSpec>(names.Count);
        for (var c = 0; c < names.Count; c++)
        {
            var census = Census.Of(profiles, names[c]);
            var inferred = TypeOf(names[c], census);
            var type = overrides.Types.TryGetValue(names[c], out var t) ? t : inferred;
            var ignored = type == ColumnType.Ignore || overrides.Ignore.Any(n => string.Equals(n, names[c], StringComparison.OrdinalIgnoreCase));
            var coverage = profiles.Count == 0 ? 0 : (double)census.Clients / profiles.Count;
            var exclusion =
                inferred == ColumnType.Identifier ? ColumnExclusion.Identifier
                : ignored ? ColumnExclusion.Ignored
                : type == ColumnType.Text ? ColumnExclusion.Text
                : coverage < Defaults.ColumnMinCoverage ? ColumnExclusion.TooSparse
                : census.Distinct <= 1 ? ColumnExclusion.Constant
                : ColumnExclusion.None;
            specs.Add(new ColumnSpec(names[c], inferred, ignored ? ColumnType.Ignore : type == ColumnType.Identifier ? inferred : type, exclusion, coverage, census.Distinct)
            {
                Forced = overrides.Force.Any(n => string.Equals(n, names[c], StringComparison.OrdinalIgnoreCase)),
            });
        }

        return specs;
    }

    /// <summary>The type the values of one column suggest.</summary>
    internal static ColumnType TypeOf(string name, Census census)
    {
        if (census.Clients == 0)
        {
            return ColumnType.Text;
        }

        if ((HeaderNamesPerson(name) && census.Distinct >= Defaults.IdentifierHeaderDistinctShare * census.Clients)
            || census.EmailLike >= Defaults.IdentifierPatternShare * census.Clients
            || census.PhoneLike >= Defaults.IdentifierPatternShare * census.Clients)
        {
            return ColumnType.Identifier;
        }

        var oneValuePerClient = census.Clients >= Defaults.IdentifierMinClients && census.Distinct >= Defaults.IdentifierDistinctShare * census.Clients;
        if (census.Numbers >= Defaults.ColumnNumericShare * census.Values)
        {
            // A measure may be near-unique (a spend with cents); an integer code of one value per client is a number only in form.
            return oneValuePerClient && census.AllIntegers && census.NeverChanges ? ColumnType.Identifier : ColumnType.Numeric;
        }

        if (census.Dates >= Defaults.ColumnDateShare * census.Clients)
        {
            return ColumnType.Date;
        }

        if (census.MeanLength >= Defaults.TextMeanLength)
        {
            return ColumnType.Text;
        }

        if (oneValuePerClient)
        {
            return ColumnType.Identifier;
        }

        return census.Distinct > Defaults.CategoricalMaxDistinct ? ColumnType.Text : ColumnType.Categorical;
    }

    /// <summary>True when a word of the header (split at non-letters, folded) names a person or a contact.</summary>
    internal static bool HeaderNamesPerson(string name)
    {
        var folded = TextFolder.Fold(name);
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var letter = i < folded.Length && char.IsLetter(folded[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                words.Add(folded[start..i]);
                start = -1;
            }
        }

        // "ClientName", "firstName": camel case joins words the split above cannot see.
        return words.Any(IdentifierWords.Contains) || IdentifierWords.Contains(new string(folded.Where(char.IsLetter).ToArray()))
            || SplitCamel(name).Any(w => IdentifierWords.Contains(TextFolder.Fold(w)));
    }

    private static IEnumerable<string> SplitCamel(string name)
    {
        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            if (i == name.Length || (char.IsUpper(name[i]) && char.IsLower(name[i - 1])) || !char.IsLetter(name[i]))
            {
                var word = new string(name[start..i].Where(char.IsLetter).ToArray());
                if (word.Length > 0)
                {
                    yield return word;
                }

                start = i;
            }
        }
    }

    /// <summary>What one column's values look like over the clients (their latest values, and counts over notes).</summary>
    internal sealed record Census(int Clients, long Values, long Numbers, int Dates, int Distinct, double MeanLength, int EmailLike, int PhoneLike,
        bool AllIntegers, bool NeverChanges)
    {
        public static Census Of(IReadOnlyList<ClientProfile> profiles, string name)
        {
            var distinct = new HashSet<string>(StringComparer.Ordinal);
            int clients = 0, dates = 0, email = 0, phone = 0;
            long values = 0, numbers = 0, length = 0;
            bool integers = true, neverChanges = true;
            foreach (var p in profiles)
            {
                var cols = p.Columns;
                var c = cols?.IndexOf(name) ?? -1;
                if (c < 0 || cols!.Latest(c) is not { } latest)
                {
                    continue;
                }

                clients++;
                values += cols.Values(c);
                numbers += cols.Numbers(c);
                length += latest.Length;
                neverChanges &= cols.Changes(c) == 0;
                integers &= cols.LatestNumber(c) is not { } n || n == Math.Floor(n);
                dates += ColumnValues.TryDate(latest, out _) ? 1 : 0;
                email += ColumnValues.LooksLikeEmail(latest) ? 1 : 0;
                phone += ColumnValues.LooksLikePhone(latest) ? 1 : 0;
                if (distinct.Count < Defaults.ColumnDistinctCap)
                {
                    distinct.Add(ColumnValues.Category(latest));
                }
            }

            return new Census(clients, values, numbers, dates, distinct.Count, clients == 0 ? 0 : (double)length / clients, email, phone, integers, neverChanges);
        }
    }
}
