namespace Clientele.Cli.Tests.Mistakes;

/// <summary>
/// One mistake a user can make on the command line: the files it needs, the arguments, and its documented outcome
/// (exit code and a fragment of the message). Placeholders in arguments and file text: {dir} the case's folder,
/// {notes} and {labels} the fixture's generated files.
/// </summary>
/// <param name="Name">What the user did wrong.</param>
/// <param name="Args">The command line.</param>
/// <param name="Exit">Expected exit code (2: bad input or usage).</param>
/// <param name="Fragment">Text the message must contain (stderr, or stdout for help).</param>
public sealed record MistakeCase(string Name, string[] Args, int Exit, string Fragment)
{
    /// <summary>Files written in the case's folder before it runs (name → text, or bytes).</summary>
    public Dictionary<string, object> Files { get; init; } = [];

    /// <summary>Files built from the fixture's labels (name → number of label rows kept).</summary>
    public Dictionary<string, int> LabelSubsets { get; init; } = [];

    /// <summary>Output paths (under {dir}) that must not exist afterwards: a failed run publishes nothing.</summary>
    public string[] NotWritten { get; init; } = [];

    public override string ToString() => Name;
}
