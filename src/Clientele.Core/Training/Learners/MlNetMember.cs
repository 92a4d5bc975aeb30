using Clientele.Core.Labels;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Clientele.Core.Training.Learners;

/// <summary>
/// A member fitted by an ML.NET estimator (boosting, linear). Scored from its own parameters when it has a shape
/// <see cref="CompiledMember"/> evaluates (ML.NET's transform costs far more than the arithmetic), else by ML.NET.
/// Saved as ML.NET's zip; its version is the bundle's format version (ML.NET checks its own inside).
/// </summary>
public sealed class MlNetMember : ITrainedMember
{
    private readonly bool _binary;

    /// <summary>A member of <paramref name="target"/> named after the learner that fitted it.</summary>
    public MlNetMember(string name, ITransformer model, Target target, int featureCount, LabelScaling? scaling = null)
    {
        Name = name;
        Model = model;
        FeatureCount = featureCount;
        Scaling = scaling ?? LabelScaling.Identity;
        _binary = Targets.IsBinary(target);
    }

    /// <summary>The fitted ML.NET transformer.</summary>
    public ITransformer Model { get; }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public string FileExtension => "zip";

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public LabelScaling Scaling { get; }

    /// <summary>Reads a member saved by <see cref="Save"/> (its width comes from the saved input schema).</summary>
    public static MlNetMember Load(string name, Stream stream, Target target, LabelScaling scaling)
    {
        var model = new MLContext(Defaults.Seed).Model.Load(stream, out var schema);
        var width = schema.GetColumnOrNull("Features")?.Type is VectorDataViewType vector ? vector.Size : 0;
        return new MlNetMember(name, model, target, width, scaling);
    }

    /// <inheritdoc/>
    public void Predict(float[][] rows, Span<double> output)
    {
        if (CompiledMember.For(Model) is { } compiled && compiled.IsProbability == _binary)
        {
            var scores = new float[rows.Length];
            if (compiled.TryScore(rows, scores))
            {
                for (var i = 0; i < rows.Length; i++)
                {
                    output[i] = (scores[i] * Scaling.Scale) + Scaling.Mean;
                }

                return;
            }
        }

        // Rows with non-finite values (ML.NET substitutes defaults) and shapes the compiler does not read.
        var view = FeatureTable.ToDataView(new MLContext(Defaults.Seed), rows, null, FeatureCount);
        var k = 0;
        foreach (var v in Model.Transform(view).GetColumn<float>(_binary ? "Probability" : "Score"))
        {
            output[k++] = (v * Scaling.Scale) + Scaling.Mean;
        }
    }

    /// <inheritdoc/>
    public void Save(Stream stream)
    {
        var ml = new MLContext(Defaults.Seed);
        ml.Model.Save(Model, FeatureTable.ToDataView(ml, [], null, FeatureCount).Schema, stream);
    }
}
