namespace Clientele.Workflows;

/// <summary>Error texts of the workflow layer, in one place; the front-ends show them as they are.</summary>
public static class WorkflowMessages
{
    /// <summary>A version name outside the safe alphabet (it would become a directory name).</summary>
    public const string BadVersionName = "version names are 1 to 64 characters among letters, digits, '.', '_' and '-'";
}
