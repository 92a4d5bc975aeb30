
namespace Clientele.Core.Training;

/// <summary>Seeded stratified fold assignment: each class is dealt round-robin over folds after a seeded shuffle.</summary>
public static class Folds
{
    public static int[] Assign(IReadOnlyList<float> labels, int folds, int seed)
    {
        var result = new int[labels.Count];
        var random = new Random(seed);
        foreach (var cls in labels.Select(l => l > 0.5f).Distinct().Order())
        {
            var members = Enumerable.Range(0, labels.Count).Where(i => labels[i] > 0.5f == cls).ToArray();
            random.Shuffle(members);
            for (var j = 0; j < members.Length; j++)
            {
                result[members[j]] = j % folds;
            }
        }

        return result;
    }
}
