namespace Clientele.Core.Worklist;

/// <summary>The user-facing messages of playbooks, the worklist and contacts.</summary>
public static class WorklistMessages
{
    public const string NotYaml = "is not a YAML playbook";

    public const string NoRules = "has no rules: expected 'rules:' with a list of rules";

    public static string YamlSyntax(string detail) => $"is not valid YAML ({detail})";

    public static string Expected(string field, string what) => $"field '{field}': expected {what}";

    public static string Unknown(string field, string where, IEnumerable<string> allowed) =>
        $"unknown field '{field}' in {where}; expected one of {string.Join(", ", allowed)}";

    public static string Missing(string field, string where) => $"{where} has no '{field}' (required)";

    public static string DuplicateRule(string id) => $"a second rule with id '{id}'; rule ids must be unique";

    public static string UnsupportedVersion(int version, int newest) =>
        $"playbook version {version} is newer than this build reads (up to {newest}); upgrade Clientele";

    public static string DueBeforeNeedsOccasion(string id) =>
        $"rule '{id}': 'due_before_occasion' needs an 'occasion' condition under 'when'";

    public static string EmptyRange(string field) => $"field '{field}': min is above max";

    public const string AdvisorsHeader = "expected a header with client_id and advisor";

    public const string AdvisorsRow = "expected a client id and an advisor name";

    public static string UnknownLanguage(string language, IEnumerable<string> known) =>
        $"no worklist phrases in '{language}'; expected one of {string.Join(", ", known)}";

    public const string AssignmentsHeader = "expected the assignments header client_id,as_of,group,rule,action,due";

    public static string AssignmentsRow(string what) => $"expected {what}";

    public const string NoAssignments = "has no assignments: draw a worklist first (clientele worklist … --assignments FILE or --db)";

    public const string NoControlGroup = "has no control group: draw the worklist with --control-share above 0";
}
