using System.Globalization;
using System.Text.RegularExpressions;
using Clientele.Core.Errors;
using Clientele.Core.Occasions;
using Clientele.Core.Scoring;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Clientele.Core.Worklist;

/// <summary>
/// Reads a playbook from YAML (the format of <c>default-playbook.yaml</c>, documented there). Every mistake is a
/// <see cref="ClienteleInputException"/> naming the file, the line and column and the field with what was expected;
/// unknown fields are mistakes too, so a misspelt condition never silently matches everyone.
/// </summary>
public static partial class PlaybookYaml
{
    /// <summary>The newest playbook format this build reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>The channels an action can go through.</summary>
    public static readonly IReadOnlyList<string> Channels = ["phone", "email", "message", "letter", "in_store"];

    private static readonly string[] TopFields = ["version", "rules"];

    private static readonly string[] RuleFields = ["id", "description", "action", "channel", "priority", "due_days", "due_before_occasion", "when"];

    private static readonly string[] WhenFields =
    [
        "value_segment", "risk_segment", "purchase", "churn", "clv", "p_alive", "days_since_purchase", "days_since_contact",
        "concepts_any", "concepts_none", "budget_k", "age", "occasion",
    ];

    private static readonly string[] RangeFields = ["min", "max"];

    private static readonly string[] OccasionFields = ["kinds", "within_days"];

    /// <summary>Reads and checks a playbook; <paramref name="source"/> names it in errors.</summary>
    public static Playbook Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new ClienteleInputException(source, e.Start.Line, (int)e.Start.Column, WorklistMessages.YamlSyntax(e.Message), e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ClienteleInputException(source, 1, null, WorklistMessages.NotYaml);
        }

        var r = new Reader(source);
        r.CheckFields(root, TopFields, "the playbook");
        if (Reader.Child(root, "version") is { } v && r.Int(v, "version", 1, int.MaxValue) is var version && version > FormatVersion)
        {
            throw r.Error(v, WorklistMessages.UnsupportedVersion(version, FormatVersion));
        }

        if (Reader.Child(root, "rules") is not YamlSequenceNode list || list.Children.Count == 0)
        {
            throw r.Error(Reader.Child(root, "rules") ?? root, WorklistMessages.NoRules);
        }

        var rules = new List<PlaybookRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in list.Children)
        {
            var rule = ReadRule(r, node);
            if (!ids.Add(rule.Id))
            {
                throw r.Error(node, WorklistMessages.DuplicateRule(rule.Id));
            }

            rules.Add(rule);
        }

        return new Playbook(source, rules);
    }

    private static PlaybookRule ReadRule(Reader r, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            throw r.Error(node, WorklistMessages.Expected("rules", "a list of rules (mappings with id, action, channel, priority, when)"));
        }

        var id = r.Key(r.Required(map, "id", "a rule"), "id");
        var where = $"rule '{id}'";
        r.CheckFields(map, RuleFields, where);
        var channelNode = r.Required(map, "channel", where);
        var channel = r.Text(channelNode, "channel");
        if (!Channels.Contains(channel, StringComparer.Ordinal))
        {
            throw r.Error(channelNode, WorklistMessages.Expected("channel", "one of " + string.Join(", ", Channels)));
        }

        var when = Reader.Child(map, "when") is { } w ? ReadWhen(r, w, where) : new RuleConditions();
        var dueBefore = Reader.Child(map, "due_before_occasion") is { } b ? r.Int(b, "due_before_occasion", 0, 366) : (int?)null;
        if (dueBefore is not null && when.Occasion is null)
        {
            throw r.Error(Reader.Child(map, "due_before_occasion")!, WorklistMessages.DueBeforeNeedsOccasion(id));
        }

        return new PlaybookRule(id, r.Key(r.Required(map, "action", where), "action"), channel, r.Int(r.Required(map, "priority", where), "priority", 1, 9), when)
        {
            DueDays = Reader.Child(map, "due_days") is { } d ? r.Int(d, "due_days", 0, 366) : 0,
            DueBeforeOccasion = dueBefore,
            Description = Reader.Child(map, "description") is { } text ? r.Text(text, "description") : string.Empty,
            Line = node.Start.Line,
        };
    }

    private static RuleConditions ReadWhen(Reader r, YamlNode node, string where)
    {
        if (node is not YamlMappingNode map)
        {
            throw r.Error(node, WorklistMessages.Expected("when", "a mapping of conditions"));
        }

        r.CheckFields(map, WhenFields, $"'when' of {where}");
        return new RuleConditions
        {
            ValueSegments = r.Names(map, "value_segment", Segments.ValueNames),
            RiskSegments = r.Names(map, "risk_segment", Segments.RiskNames),
            Purchase = r.Range(map, "purchase", 0, 1),
            Churn = r.Range(map, "churn", 0, 1),
            Clv = r.Range(map, "clv", 0, double.MaxValue),
            ProbabilityAlive = r.Range(map, "p_alive", 0, 1),
            DaysSincePurchase = r.Range(map, "days_since_purchase", 0, double.MaxValue),
            DaysSinceContact = r.Range(map, "days_since_contact", 0, double.MaxValue),
            ConceptsAny = r.Names(map, "concepts_any", null),
            ConceptsNone = r.Names(map, "concepts_none", null),
            BudgetK = r.Range(map, "budget_k", 0, double.MaxValue),
            Age = r.Range(map, "age", 0, 150),
            Occasion = Reader.Child(map, "occasion") is { } o ? ReadOccasion(r, o) : null,
        };
    }

    private static OccasionCondition ReadOccasion(Reader r, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            throw r.Error(node, WorklistMessages.Expected("occasion", "a mapping with kinds and within_days"));
        }

        r.CheckFields(map, OccasionFields, "'occasion'");
        var within = r.Int(r.Required(map, "within_days", "'occasion'"), "within_days", 0, 366);
        return new OccasionCondition(r.Names(map, "kinds", OccasionKinds.All), within);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]*$")]
    private static partial Regex KeyPattern();

    /// <summary>Node readers that turn a mistake into an error at the node.</summary>
    private sealed class Reader(string source)
    {
        public ClienteleInputException Error(YamlNode node, string message) =>
            new(source, node.Start.Line, (int)node.Start.Column, message);

        public static YamlNode? Child(YamlMappingNode map, string field) =>
            map.Children.TryGetValue(new YamlScalarNode(field), out var value) ? value : null;

        public YamlNode Required(YamlMappingNode map, string field, string where) =>
            Child(map, field) ?? throw Error(map, WorklistMessages.Missing(field, where));

        public void CheckFields(YamlMappingNode map, IReadOnlyList<string> allowed, string where)
        {
            foreach (var key in map.Children.Keys)
            {
                if (key is not YamlScalarNode { Value: { } name } || !allowed.Contains(name, StringComparer.Ordinal))
                {
                    throw Error(key, WorklistMessages.Unknown((key as YamlScalarNode)?.Value ?? key.ToString(), where, allowed));
                }
            }
        }

        public string Text(YamlNode node, string field) =>
            node is YamlScalarNode { Value: { } v } && v.Trim().Length > 0 ? v.Trim() : throw Error(node, WorklistMessages.Expected(field, "text"));

        public string Key(YamlNode node, string field)
        {
            var text = node is YamlScalarNode { Value: { } v } ? v.Trim() : string.Empty;
            return KeyPattern().IsMatch(text) ? text : throw Error(node, WorklistMessages.Expected(field, "a lowercase key (letters, digits, _ . -)"));
        }

        public int Int(YamlNode node, string field, int min, int max) =>
            node is YamlScalarNode { Value: { } v } && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                ? n
                : throw Error(node, WorklistMessages.Expected(field, $"a whole number from {min} to {(max == int.MaxValue ? "any" : max)}"));

        private double Number(YamlNode node, string field, double min, double max) =>
            node is YamlScalarNode { Value: { } v } && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x >= min && x <= max
                ? x
                : throw Error(node, WorklistMessages.Expected(field, max == double.MaxValue ? $"a number ≥ {min}" : $"a number from {min} to {max}"));

        public NumberRange? Range(YamlMappingNode map, string field, double min, double max)
        {
            if (Child(map, field) is not { } node)
            {
                return null;
            }

            if (node is not YamlMappingNode range || range.Children.Count == 0)
            {
                throw Error(node, WorklistMessages.Expected(field, "a range { min: …, max: … }"));
            }

            CheckFields(range, RangeFields, $"'{field}'");
            var lo = Child(range, "min") is { } a ? Number(a, field + ".min", min, max) : (double?)null;
            var hi = Child(range, "max") is { } b ? Number(b, field + ".max", min, max) : (double?)null;
            return lo > hi ? throw Error(node, WorklistMessages.EmptyRange(field)) : new NumberRange(lo, hi);
        }

        /// <summary>One name or a list of names; with <paramref name="allowed"/>, each must be one of them (case-insensitively, returned as listed).</summary>
        public List<string> Names(YamlMappingNode map, string field, IReadOnlyList<string>? allowed)
        {
            if (Child(map, field) is not { } node)
            {
                return [];
            }

            var items = node switch
            {
                YamlScalarNode s => [s],
                YamlSequenceNode seq when seq.Children.Count > 0 => seq.Children.ToList(),
                _ => throw Error(node, WorklistMessages.Expected(field, "a name or a list of names")),
            };
            var names = new List<string>();
            foreach (var item in items)
            {
                var text = Text(item, field);
                if (allowed is null)
                {
                    names.Add(text);
                    continue;
                }

                names.Add(allowed.FirstOrDefault(a => a.Equals(text, StringComparison.OrdinalIgnoreCase))
                    ?? throw Error(item, WorklistMessages.Expected(field, "one of " + string.Join(", ", allowed))));
            }

            return names;
        }
    }
}
