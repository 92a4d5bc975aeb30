using Microsoft.ML;
using Microsoft.ML.Data;

namespace Clientele.Core.Training;

/// <summary>
/// Rows of dense features with a label, as ML.NET wants them: a fixed-size float vector column
/// "Features" and a float "Label" column.
/// </summary>
public sealed class FeatureTable
{
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

    public FeatureTable Subset(IReadOnlyList<int> indices) =>
        new(indices.Select(i => Rows[i]).ToArray(), indices.Select(i => Labels[i]).ToArray(), FeatureCount);

    public IDataView ToDataView(MLContext ml) => ToDataView(ml, Rows, Labels, FeatureCount);

    /// <summary>A data view over rows (labels may be all zero when scoring).</summary>
    public static IDataView ToDataView(MLContext ml, float[][] rows, float[]? labels, int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        labels ??= new float[rows.Length];
        var data = new Row[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            data[i] = new Row { Label = labels[i], Flag = labels[i] > 0.5f, Features = rows[i] };
        }

        return ml.Data.LoadFromEnumerable(data, schema);
    }

    /// <summary>The row type ML.NET reads.</summary>
    public sealed class Row
    {
        public float Label { get; set; }

        /// <summary>The label as a boolean, the type ML.NET's binary classifiers require.</summary>
        public bool Flag { get; set; }

        public float[] Features { get; set; } = [];
    }
}
