namespace Clientele.Storage.Keys;

/// <summary>The roles a key can carry. Each is a superset of nothing but what is listed: an admin key also reads.</summary>
public static class Roles
{
    /// <summary>A manager or analyst: the dashboard and every read.</summary>
    public const string Viewer = "viewer";

    /// <summary>An advisor: reads limited to its own clients, records contacts.</summary>
    public const string Advisor = "advisor";

    /// <summary>Train, activate, erase, export, keys, audit, consent; and every read.</summary>
    public const string Admin = "admin";

    /// <summary>Every role, in order of power.</summary>
    public static readonly IReadOnlyList<string> All = [Viewer, Advisor, Admin];

    /// <summary>True for one of <see cref="All"/> (exact, lower case).</summary>
    public static bool IsKnown(string? role) => role is Viewer or Advisor or Admin;
}
