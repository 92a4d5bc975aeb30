using Clientele.Core.Errors;
using Clientele.Core.Ingest;

namespace Clientele.Core.Labels;

/// <summary>
/// Which clients are the test set, per target: read from <c>client_id,target,set</c> (so results compare
/// with the reference on the same split) or drawn as a seeded stratified 80/20 split.
/// </summary>
public sealed class HoldoutSplit
{
    private readonly Dictionary<Target, HashSet<string>> _test;

    private HoldoutSplit(Dictionary<Target, HashSet<string>> test) => _test = test;

    public bool IsTest(Target target, string clientId) => _test.TryGetValue(target, out var s) && s.Contains(clientId);

    public bool Covers(Target target) => _test.ContainsKey(target);

    /// <summary>Reads a holdout file; rows without a target column apply to every target.</summary>
    public static HoldoutSplit Read(TextReader reader, string source, IngestReport report)
    {
        using var sep = CsvInput.OpenReader(reader, source);
        var id = CsvInput.FindColumn(sep.Header, source, "client id", null, "client_id", "id");
        var set = CsvInput.FindColumn(sep.Header, source, "set", null, "set", "split");
        var target = CsvInput.TryFindColumn(sep.Header, "target");
        var test = new Dictionary<Target, HashSet<string>>();
        long last = 1;
        while (CsvInput.MoveNext(sep, source, last))
        {
            var row = sep.Current;
            last = row.LineNumberToExcl - 1;
            report.RowsRead++;
            var clientId = CsvInput.Cell(row, id).Trim();
            var which = CsvInput.Cell(row, set).Trim().ToLowerInvariant();
            if (clientId.Length == 0 || which is not ("train" or "test"))
            {
                report.Reject(row.LineNumberFrom, clientId.Length == 0 ? id + 1 : set + 1, clientId.Length == 0 ? Messages.BlankId : $"set '{Messages.Truncate(which)}' is not train or test");
                continue;
            }

            IEnumerable<Target> targets = Targets.All;
            if (target >= 0)
            {
                var t = Targets.Parse(CsvInput.Cell(row, target));
                if (t is null)
                {
                    report.Reject(row.LineNumberFrom, target + 1, $"unknown target '{Messages.Truncate(CsvInput.Cell(row, target))}'");
                    continue;
                }

                targets = [t.Value];
            }

            foreach (var t in targets)
            {
                if (!test.TryGetValue(t, out var s))
                {
                    test[t] = s = new HashSet<string>(StringComparer.Ordinal);
                }

                if (which == "test")
                {
                    s.Add(clientId);
                }
            }

            report.Accepted++;
        }

        return new HoldoutSplit(test);
    }

    /// <summary>
    /// A seeded split: for binary targets stratified by class (same positive rate in train and test),
    /// for CLV a plain shuffle. Client order in <paramref name="labelled"/> does not change the result.
    /// </summary>
    public static HoldoutSplit Stratified(IEnumerable<(string ClientId, Target Target, double Value)> labelled, int seed, double testShare = Defaults.TestShare)
    {
        var test = new Dictionary<Target, HashSet<string>>();
        foreach (var group in labelled.GroupBy(x => x.Target))
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            var strata = Targets.IsBinary(group.Key)
                ? group.GroupBy(x => x.Value).OrderBy(g => g.Key).Select(g => g.Select(x => x.ClientId))
                : [group.Select(x => x.ClientId)];
            foreach (var stratum in strata)
            {
                // Order by a seeded hash of the id: deterministic and independent of input order.
                var ordered = stratum.OrderBy(c => new StableRandom(seed, c).NextDouble()).ThenBy(c => c, StringComparer.Ordinal).ToList();
                var take = (int)Math.Round(ordered.Count * testShare);
                set.UnionWith(ordered.Take(take));
            }

            test[group.Key] = set;
        }

        return new HoldoutSplit(test);
    }

    /// <summary>Writes the split as <c>client_id,target,set</c> rows.</summary>
    public IEnumerable<(string ClientId, Target Target, bool Test)> Rows(IEnumerable<(string ClientId, Target Target)> all) =>
        all.Select(x => (x.ClientId, x.Target, IsTest(x.Target, x.ClientId)));
}
