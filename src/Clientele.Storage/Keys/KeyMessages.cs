namespace Clientele.Storage.Keys;

/// <summary>The texts of key management, in one place (the CLI and the server show them as they are).</summary>
public static class KeyMessages
{
    /// <summary>Shortest bootstrap key accepted: 24 characters of a random key carry well over 128 bits.</summary>
    public const int MinimumBootstrapLength = 24;

    public const string AdvisorNeedsName = "--advisor NAME is required for the advisor role: an advisor key reads only that advisor's clients";

    public const string AdvisorOnlyForAdvisors = "--advisor applies to the advisor role only";

    public const string BootstrapTooShort =
        "CLIENTELE_API_KEY (Clientele:ApiKey) must be at least 24 characters; generate one with 'openssl rand -hex 24' or create keys with 'clientele keys create'";

    public static string UnknownRole(string role) => $"unknown role '{role}'; expected one of {string.Join(", ", Roles.All)}";

    public static string UnknownKey(string id) => $"no active key '{id}'; 'clientele keys list' shows them";
}
