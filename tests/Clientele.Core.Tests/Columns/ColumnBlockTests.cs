using System.Text;
using Clientele.Core.Columns;
using Clientele.Core.Errors;
using Clientele.Core.Features;
using Clientele.Core.Lexicon;

namespace Clientele.Core.Tests.Columns;

public sealed class ColumnBlockTests
{
    private static readonly string[] Names = ["Duration", "Store"];
    private static readonly string[] Stores = ["Paris", "London", "Tokyo"];

    private static (Featurizer Featurizer, IReadOnlyList<Profiles.ClientProfile> Profiles) Fitted()
    {
        var profiles = ColumnProfiles.Build(Names, 120, (i, k, c) => c == 0 ? (i % 2 == 0 ? string.Empty : $"{20 + i % 40 + k} min") : Stores[i % 3]);
        var schema = ColumnFitter.Fit(ColumnTyper.Infer(profiles, null, "notes.csv"), profiles, null, null, null);
        var featurizer = FeaturizerOptions.For(Tier.Fast).Fit(profiles, LexiconCsv.LoadBuiltin(), null).WithColumns(schema);
        return (featurizer, profiles);
    }

    [Fact]
    public void Numeric_columns_give_mean_latest_and_missing_and_categorical_ones_a_one_hot_of_the_latest_level()
    {
        var (featurizer, profiles) = Fitted();
        var names = featurizer.Features.Select(f => f.Name).ToList();
        var row = new float[featurizer.FeatureCount];
        featurizer.Transform(profiles[1], null, row);
        Assert.Equal((21f + 22f) / 2, row[names.IndexOf("column:Duration:mean")]);
        Assert.Equal(22f, row[names.IndexOf("column:Duration:latest")]);
        Assert.Equal(0f, row[names.IndexOf("column:Duration:missing")]);
        Assert.Equal(1f, row[names.IndexOf("column:Store=london")]);
        Assert.Equal(0f, row[names.IndexOf("column:Store=paris")]);

        featurizer.Transform(profiles[0], null, row);
        Assert.Equal(1f, row[names.IndexOf("column:Duration:missing")]);
        Assert.Equal(1f, row[names.IndexOf("column:Store=paris")]);
    }

    [Fact]
    public void A_date_column_gives_the_days_from_the_latest_date_to_the_reference_date()
    {
        var profiles = ColumnProfiles.Build(["LastVisit"], 60, (i, k, _) => i == 0 ? string.Empty : new DateOnly(2026, 1, 1).AddDays(i + k).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var schema = ColumnFitter.Fit(ColumnTyper.Infer(profiles, null, "notes.csv"), profiles, null, null, null);
        var featurizer = FeaturizerOptions.For(Tier.Fast).Fit(profiles, LexiconCsv.LoadBuiltin(), null).WithColumns(schema);
        var names = featurizer.Features.Select(f => f.Name).ToList();
        var row = new float[featurizer.FeatureCount];
        featurizer.Transform(profiles[10], new DateOnly(2026, 3, 1), row);
        Assert.Equal(new DateOnly(2026, 3, 1).DayNumber - new DateOnly(2026, 1, 12).DayNumber, row[names.IndexOf("column:LastVisit:days_since")]);
        featurizer.Transform(profiles[0], new DateOnly(2026, 3, 1), row);
        Assert.Equal(1f, row[names.IndexOf("column:LastVisit:missing")]);
    }

    [Fact]
    public void The_column_block_comes_after_every_other_block()
    {
        var (featurizer, _) = Fitted();
        var first = featurizer.Features.ToList().FindIndex(f => f.Kind == FeatureKind.Column);
        Assert.True(first > 0);
        Assert.All(featurizer.Features.Skip(first), f => Assert.Equal(FeatureKind.Column, f.Kind));
    }

    [Fact]
    public void Saved_and_loaded_the_featurizer_writes_the_same_rows_and_keeps_its_schema()
    {
        var (featurizer, profiles) = Fitted();
        var stream = new MemoryStream();
        featurizer.Save(stream);
        Assert.Contains($"\"format_version\":{Featurizer.FormatVersion}", Encoding.UTF8.GetString(stream.ToArray()));
        stream.Position = 0;
        var loaded = Featurizer.Load(stream, featurizer.Lexicon);
        Assert.Equal(featurizer.ColumnSchema!.Columns, loaded.ColumnSchema!.Columns, new SpecComparer());
        var a = new float[featurizer.FeatureCount];
        var b = new float[loaded.FeatureCount];
        foreach (var p in profiles.Take(10))
        {
            featurizer.Transform(p, null, a);
            loaded.Transform(p, null, b);
            Assert.Equal(a, b);
        }
    }

    [Fact]
    public void A_featurizer_without_extra_columns_has_no_column_schema_and_no_column_feature()
    {
        var profiles = ColumnProfiles.Build([], 30, (_, _, _) => string.Empty);
        var featurizer = FeaturizerOptions.For(Tier.Fast).Fit(profiles, LexiconCsv.LoadBuiltin(), null);
        var stream = new MemoryStream();
        featurizer.Save(stream);
        var json = Encoding.UTF8.GetString(stream.ToArray());
        Assert.DoesNotContain("\"columns\"", json);
        Assert.Null(featurizer.ColumnSchema);
        Assert.DoesNotContain(featurizer.Features, f => f.Kind == FeatureKind.Column);
    }

    [Fact]
    public void A_newer_schema_version_is_refused_with_a_clear_message()
    {
        var (featurizer, _) = Fitted();
        var stream = new MemoryStream();
        featurizer.Save(stream);
        var json = Encoding.UTF8.GetString(stream.ToArray()).Replace("\"columns\":{\"format_version\":1", "\"columns\":{\"format_version\":9", StringComparison.Ordinal);
        var e = Assert.Throws<ClienteleInputException>(() => Featurizer.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), featurizer.Lexicon));
        Assert.Contains("column schema has format version 9", e.Message);
    }

    private sealed class SpecComparer : IEqualityComparer<ColumnSpec>
    {
        public bool Equals(ColumnSpec? x, ColumnSpec? y) =>
            x is not null && y is not null && x.Name == y.Name && x.Type == y.Type && x.Exclusion == y.Exclusion && x.Levels.SequenceEqual(y.Levels);

        public int GetHashCode(ColumnSpec obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
