using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Clientele.Bench;

/// <summary>
/// ML.NET FastForest regression configured as Clientele's Fast tier trains it today (100 trees × 32 leaves,
/// min leaf 5, feature fraction 0.5), except threads, left at ML.NET's default as the comparison asks.
/// </summary>
public sealed class MlNetForest
{
    private readonly MLContext _ml = new(seed: 42);
    private readonly SchemaDefinition _schema;

    public MlNetForest(int features)
    {
        _schema = SchemaDefinition.Create(typeof(Row));
        _schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features);
    }

    public ITransformer Fit(float[][] rows, float[] labels)
    {
        var data = View(rows, labels);
        var trainer = _ml.Regression.Trainers.FastForest(new FastForestRegressionTrainer.Options
        {
            NumberOfTrees = 100,
            NumberOfLeaves = 32,
            MinimumExampleCountPerLeaf = 5,
            FeatureFraction = 0.5,
            Seed = 42,
            FeatureSelectionSeed = 42,
        });
        return trainer.Fit(data);
    }

    public double[] Predict(ITransformer model, float[][] rows)
    {
        var scored = model.Transform(View(rows, new float[rows.Length]));
        return scored.GetColumn<float>("Score").Select(s => (double)s).ToArray();
    }

    private IDataView View(float[][] rows, float[] labels) =>
        _ml.Data.LoadFromEnumerable(rows.Select((r, i) => new Row { Features = r, Label = labels[i] }), _schema);

    private sealed class Row
    {
        public float Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
