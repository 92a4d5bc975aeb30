using Clientele.Core.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Clientele.Core.Tests.Training;

public class FeatureTableTests
{
    private static float[][] Rows(int n, int seed)
    {
        var rng = new Random(seed);
        // Column 0 dense, column 1 non-zero in every 10th row, column 2 in 3 rows only, column 3 negative and rare.
        return Enumerable.Range(0, n).Select(i => new[]
        {
            (float)rng.NextDouble() + 0.1f,
            i % 10 == 0 ? 1f : 0f,
            i < 3 ? 2.5f : 0f,
            i == 5 ? -1f : 0f,
        }).ToArray();
    }

    private static float[][] Read(IDataView view) =>
        view.GetColumn<VBuffer<float>>("Features").Select(v => v.DenseValues().ToArray()).ToArray();

    [Fact]
    public void The_data_view_carries_every_value_of_every_row()
    {
        var rows = Rows(40, 1);
        var table = new FeatureTable(rows, new float[40], 4);
        var read = Read(table.ToDataView(new MLContext(1)));
        Assert.Equal(rows, read);
    }

    [Fact]
    public void The_tree_view_zeroes_only_features_too_rare_to_split_with_that_leaf_size()
    {
        var rows = Rows(40, 2);
        var table = new FeatureTable(rows, new float[40], 4);
        var read = Read(table.ToDataViewForTrees(new MLContext(1), minNonZero: 4));
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(rows[i][0], read[i][0]);   // 40 non-zeros
            Assert.Equal(rows[i][1], read[i][1]);   // 4 non-zeros: exactly enough
            Assert.Equal(0, read[i][2]);            // 3 non-zeros
            Assert.Equal(0, read[i][3]);            // 1 non-zero, negative
        }
    }
}
