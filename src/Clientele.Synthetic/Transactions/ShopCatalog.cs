namespace Clientele.Synthetic.Transactions;

/// <summary>
/// The boutiques and product categories generated purchases name, read once from <c>Transactions/Data/*.tsv</c>
/// (tab-separated; <c>#</c> starts a comment line).
/// </summary>
internal sealed class ShopCatalog
{
    private readonly Dictionary<string, int> _homeStore;
    private readonly int[] _categoryWeights;
    private readonly int _totalWeight;

    private ShopCatalog(string[] stores, Dictionary<string, int> homeStore, string[] categories, int[] weights)
    {
        Stores = stores;
        _homeStore = homeStore;
        Categories = categories;
        _categoryWeights = weights;
        _totalWeight = weights.Sum();
    }

    /// <summary>The catalogue shipped with the generator.</summary>
    public static ShopCatalog Default { get; } = Load();

    /// <summary>Every distinct store, in file order.</summary>
    public string[] Stores { get; }

    /// <summary>Every category, in file order.</summary>
    public string[] Categories { get; }

    /// <summary>Index in <see cref="Stores"/> of the home boutique of a client whose notes are in <paramref name="language"/>.</summary>
    public int HomeStore(string language) =>
        _homeStore.TryGetValue(language, out var store) ? store
        : throw new InvalidDataException($"stores.tsv names no store for language {language}");

    /// <summary>A category index drawn by weight from <paramref name="rng"/>.</summary>
    public int PickCategory(ref SplitMix64 rng)
    {
        var draw = rng.Next(_totalWeight);
        for (var i = 0; i < _categoryWeights.Length; i++)
        {
            draw -= _categoryWeights[i];
            if (draw < 0)
            {
                return i;
            }
        }

        return _categoryWeights.Length - 1;
    }

    private static ShopCatalog Load()
    {
        var stores = new List<string>();
        var homeStore = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (language, store) in Rows("stores"))
        {
            var index = stores.IndexOf(store);
            if (index < 0)
            {
                index = stores.Count;
                stores.Add(store);
            }

            homeStore.Add(language, index);
        }

        var categories = new List<string>();
        var weights = new List<int>();
        foreach (var (category, weight) in Rows("categories"))
        {
            categories.Add(category);
            weights.Add(int.TryParse(weight, out var w) && w > 0 ? w
                : throw new InvalidDataException($"categories.tsv: weight of {category} is not a positive integer: '{weight}'"));
        }

        return new ShopCatalog([.. stores], homeStore, [.. categories], [.. weights]);
    }

    private static IEnumerable<(string Key, string Value)> Rows(string file)
    {
        var name = $"Clientele.Synthetic.Transactions.{file}.tsv";
        using var stream = typeof(ShopCatalog).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"generator resource '{name}' is missing");
        using var reader = new StreamReader(stream);
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0 || text[0] == '#')
            {
                continue;
            }

            var fields = text.Split('\t');
            if (fields.Length != 2)
            {
                throw new InvalidDataException($"{file}.tsv line {line}: expected 2 tab-separated fields, found {fields.Length}");
            }

            yield return (fields[0], fields[1]);
        }
    }
}
