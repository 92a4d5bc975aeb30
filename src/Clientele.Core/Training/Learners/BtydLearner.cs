using System.Text.Json;
using System.Text.Json.Nodes;
using Clientele.Core.Labels;

namespace Clientele.Core.Training.Learners;

/// <summary>
/// The BG/NBD × Gamma-Gamma prediction as an ensemble member: it reads its target's BTYD column of the purchase
/// block (fitted on purchases up to the training cutoff) instead of learning from all columns. Purchase:
/// P(a purchase within the horizon); churn: 1 − P(a purchase within the churn window); CLV: expected spend in the
/// value window. Binary outputs are Platt-calibrated on the training rows (BTYD probabilities are honest about
/// ranks, less so about levels when the cutoff's population differs). In Elite's vote its weight is chosen out of
/// fold like any member's, so the vote can fall back on it where the learned members do no better.
/// </summary>
public sealed class BtydLearner : ILearner
{
    /// <summary>The format written by <see cref="Member.Save"/>.</summary>
    public const int FormatVersion = 1;

    /// <inheritdoc/>
    public string Name => "btyd";

    /// <summary>The purchase-block column each target reads (see <see cref="Features.Blocks"/>' purchase block).</summary>
    public static string Column(Target target) => target switch
    {
        Target.Purchased => "purchase:btyd_p_purchase_horizon",
        Target.Churned => "purchase:btyd_p_purchase_churn_window",
        _ => "purchase:btyd_expected_spend",
    };

    /// <inheritdoc/>
    public LearnerFit Fit(FeatureTable table, Target target, LearnerContext context)
    {
        ArgumentNullException.ThrowIfNull(table);
        var name = Column(target);
        var column = table.Names is { } names ? IndexOf(names, name) : -1;
        if (column < 0)
        {
            throw new InvalidOperationException($"the btyd member reads column '{name}', which this feature table does not have (train with transactions)");
        }

        var member = new Member(target, column, table.FeatureCount, PlattCalibrator.Identity);
        if (!Targets.IsBinary(target) || table.Count == 0)
        {
            return new LearnerFit(member);
        }

        var raw = new double[table.Count];
        member.Predict(table.Rows, raw);
        var platt = PlattCalibrator.Fit(raw.Select(v => (float)v).ToArray(), table.Labels);
        return new LearnerFit(platt.IsIdentity || !double.IsFinite(platt.A) || !double.IsFinite(platt.B) ? member : member with { Platt = platt });
    }

    /// <inheritdoc/>
    public ITrainedMember Load(Stream stream, Target target, LabelScaling scaling)
    {
        var node = JsonNode.Parse(stream)?.AsObject() ?? throw new JsonException("empty member");
        var format = node["format_version"]?.GetValue<int>() ?? throw new JsonException("no format_version");
        if (format < 1 || format > FormatVersion)
        {
            throw new Errors.ClienteleInputException("btyd member", null, null, Errors.Messages.BundleVersion(format, 1, FormatVersion));
        }

        var column = node["column"]?.GetValue<int>() ?? throw new JsonException("no column");
        var width = node["feature_count"]?.GetValue<int>() ?? throw new JsonException("no feature_count");
        if (column < 0 || column >= width)
        {
            throw new JsonException($"column {column} is outside the {width} features");
        }

        var platt = node["platt_a"] is { } a && node["platt_b"] is { } b ? new PlattCalibrator(a.GetValue<double>(), b.GetValue<double>()) : PlattCalibrator.Identity;
        return new Member(target, column, width, platt);
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A fitted BTYD member: the column it reads, whether it is the complement (churn), and its Platt scaling.</summary>
    public sealed record Member(Target Target, int Column, int FeatureCount, PlattCalibrator Platt) : ITrainedMember
    {
        /// <inheritdoc/>
        public string Name => "btyd";

        /// <inheritdoc/>
        public string FileExtension => "json";

        /// <inheritdoc/>
        public void Predict(float[][] rows, Span<double> output)
        {
            ArgumentNullException.ThrowIfNull(rows);
            var binary = Targets.IsBinary(Target);
            for (var i = 0; i < rows.Length; i++)
            {
                var v = (double)rows[i][Column];
                v = Target == Target.Churned ? 1 - v : v;
                output[i] = binary ? Platt.Apply(Math.Clamp(v, 0, 1)) : Math.Max(0, v);
            }
        }

        /// <inheritdoc/>
        public void Save(Stream stream)
        {
            using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            w.WriteStartObject();
            w.WriteNumber("format_version", FormatVersion);
            w.WriteString("target", Targets.Name(Target));
            w.WriteNumber("column", Column);
            w.WriteNumber("feature_count", FeatureCount);
            if (!Platt.IsIdentity)
            {
                w.WriteNumber("platt_a", Platt.A);
                w.WriteNumber("platt_b", Platt.B);
            }

            w.WriteEndObject();
        }
    }
}
