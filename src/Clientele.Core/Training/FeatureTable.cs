using Microsoft.ML;
using Microsoft.ML.Data;

namespace Clientele.Core.Training;

/// <summary>
/// Rows of dense features with a label, as ML.NET wants them: a fixed-size float vector column
/// "Features" and a float "Label" column.
/// </summary>
public sealed class FeatureTable
{
    /// <summary>Boolean label column (binary classifiers need it).</summary>
    public const string FlagColumn = nameof(Row.Flag);

    /// <summary>Example weight column (read by the linear member when classes are balanced).</summary>
    public const string WeightColumn = nameof(Row.Weight);

    public FeatureTable(float[][] rows, float[] labels, int featureCount)
    {
        if (rows.Length != labels.Length)
        {
            throw new ArgumentException("rows and labels differ in length");
        }

        Rows = rows;
        Labels = labels;
        FeatureCount = featureCount;
    }

    public float[][] Rows { get; }

    public float[] Labels { get; }

    public int FeatureCount { get; }

    public int Count => Rows.Length;

    /// <summary>The column names (the featurizer's feature names) when known: a learner that reads named columns (BTYD) needs them.</summary>
    public IReadOnlyList<string>? Names { get; init; }

    public FeatureTable Subset(IReadOnlyList<int> indices) =>
        new(indices.Select(i => Rows[i]).ToArray(), indices.Select(i => Labels[i]).ToArray(), FeatureCount) { Names = Names };

    public IDataView ToDataView(MLContext ml) => ToDataView(ml, Rows, Labels, FeatureCount);

    /// <summary>A data view whose Weight column brings each class's total weight to half the rows (scikit-learn's "balanced").</summary>
    public IDataView ToBalancedDataView(MLContext ml)
    {
        var positives = Labels.Count(y => y > 0.5f);
        var negatives = Count - positives;
        var weights = Labels.Select(y => y > 0.5f ? (float)(Count / (2.0 * Math.Max(1, positives))) : (float)(Count / (2.0 * Math.Max(1, negatives)))).ToArray();
        return ToDataView(ml, Rows, Labels, FeatureCount, weights: weights);
    }

    /// <summary>
    /// A data view of these rows in which features non-zero in fewer than <paramref name="minNonZero"/> rows read as
    /// zero. A tree learner whose leaves hold at least that many rows can never split on such a feature (one side of
    /// any threshold would hold only its non-zero rows), and LightGbm spends ~40 µs per feature building bins.
    /// </summary>
    public IDataView ToDataViewForTrees(MLContext ml, int minNonZero)
    {
        var nonZero = new int[FeatureCount];
        foreach (var row in Rows)
        {
            for (var j = 0; j < FeatureCount; j++)
            {
                nonZero[j] += row[j] != 0 ? 1 : 0;
            }
        }

        return ToDataView(ml, Rows, Labels, FeatureCount, nonZero.Select(n => n >= minNonZero).ToArray());
    }

    /// <summary>A data view over rows (labels may be all zero when scoring); features not in <paramref name="usable"/> read as zero.</summary>
    public static IDataView ToDataView(MLContext ml, float[][] rows, float[]? labels, int featureCount, bool[]? usable = null, float[]? weights = null)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        labels ??= new float[rows.Length];
        var data = new Row[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            data[i] = new Row { Label = labels[i], Flag = labels[i] > 0.5f, Weight = weights?[i] ?? 1f, Features = Sparse(rows[i], featureCount, usable) };
        }

        return ml.Data.LoadFromEnumerable(data, schema);
    }

    /// <summary>
    /// A row as a sparse vector: most features are absent terms and words, and LightGbm builds its dataset from the
    /// non-zeros (measured: CLV boosting fit on 1,600 × 1,368, 0.176 → 0.138 s, same R²).
    /// </summary>
    private static VBuffer<float> Sparse(float[] row, int featureCount, bool[]? usable)
    {
        var count = 0;
        for (var j = 0; j < featureCount; j++)
        {
            count += row[j] != 0 && (usable is null || usable[j]) ? 1 : 0;
        }

        var values = new float[count];
        var indices = new int[count];
        var k = 0;
        for (var j = 0; j < featureCount; j++)
        {
            if (row[j] != 0 && (usable is null || usable[j]))
            {
                values[k] = row[j];
                indices[k++] = j;
            }
        }

        return new VBuffer<float>(featureCount, count, values, indices);
    }

    /// <summary>The row type ML.NET reads.</summary>
    public sealed class Row
    {
        public float Label { get; set; }

        /// <summary>The label as a boolean, the type ML.NET's binary classifiers require.</summary>
        public bool Flag { get; set; }

        /// <summary>Example weight (1 unless classes are balanced).</summary>
        public float Weight { get; set; } = 1f;

        public VBuffer<float> Features { get; set; }
    }
}
