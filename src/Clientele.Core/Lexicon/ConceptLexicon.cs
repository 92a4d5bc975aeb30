using System.Security.Cryptography;
using System.Text;

namespace Clientele.Core.Lexicon;

/// <summary>
/// An immutable set of concepts. Its <see cref="Fingerprint"/> goes into every model bundle so that
/// scoring refuses a lexicon other than the one the model learned from.
/// </summary>
public sealed class ConceptLexicon
{
    private readonly Dictionary<string, int> _indexById;

    public ConceptLexicon(string name, IReadOnlyList<Concept> concepts)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        Name = name;
        Concepts = concepts;
        _indexById = new Dictionary<string, int>(concepts.Count, StringComparer.Ordinal);
        for (var i = 0; i < concepts.Count; i++)
        {
            _indexById[concepts[i].Id] = i;
        }

        Fingerprint = ComputeFingerprint(concepts);
    }

    /// <summary>Where the lexicon came from ("builtin" or a file name): shown in reports.</summary>
    public string Name { get; }

    public IReadOnlyList<Concept> Concepts { get; }

    /// <summary>SHA-256 over ids, labels, categories and aliases, in order.</summary>
    public string Fingerprint { get; }

    public int IndexOf(string conceptId) => _indexById.TryGetValue(conceptId, out var i) ? i : -1;

    private static string ComputeFingerprint(IReadOnlyList<Concept> concepts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var c in concepts)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(c.Id + "\u001f" + c.Label + "\u001f" + c.Category + "\u001f" + string.Join('\u001e', c.Aliases) + "\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
