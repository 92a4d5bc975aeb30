using Clientele.Core.Columns;
using Clientele.Core.Errors;

namespace Clientele.Core.Tests.Columns;

public sealed class ColumnTyperTests
{
    private static readonly string[] Stores = ["Paris", "London", "Tokyo", "Milan"];

    private static IReadOnlyList<ColumnSpec> Schema(string name, Func<int, int, string> value, ColumnOverrides? overrides = null, int clients = 200) =>
        ColumnTyper.Infer(ColumnProfiles.Build([name], clients, (i, k, _) => value(i, k)), overrides, "notes.csv");

    [Fact]
    public void Durations_with_units_are_numeric_and_used()
    {
        var rng = new Random(7);
        var spec = Assert.Single(Schema("Duration", (_, _) => rng.Next(10, 90) + " min"));
        Assert.Equal(ColumnType.Numeric, spec.Inferred);
        Assert.True(spec.Used);
    }

    [Fact]
    public void A_handful_of_stores_is_categorical()
    {
        var spec = Assert.Single(Schema("Store", (i, _) => Stores[i % Stores.Length]));
        Assert.Equal(ColumnType.Categorical, spec.Inferred);
        Assert.Equal(4, spec.Distinct);
        Assert.True(spec.Used);
    }

    [Fact]
    public void Dates_are_dates()
    {
        var spec = Assert.Single(Schema("LastVisit", (i, _) => new DateOnly(2025, 1, 1).AddDays(i % 50).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(ColumnType.Date, spec.Inferred);
    }

    [Theory]
    [InlineData("Email")]
    [InlineData("contact")]
    public void E_mail_addresses_are_identifiers_whatever_the_header(string header)
    {
        var spec = Assert.Single(Schema(header, (i, _) => $"client{i}@example.com"));
        Assert.Equal(ColumnType.Identifier, spec.Inferred);
        Assert.Equal(ColumnExclusion.Identifier, spec.Exclusion);
    }

    [Fact]
    public void Phone_numbers_are_identifiers() =>
        Assert.Equal(ColumnType.Identifier, Assert.Single(Schema("Contact", (i, _) => $"+33 6 {i / 100 % 100:D2} {i % 100:D2} 10 20")).Inferred);

    [Fact]
    public void A_column_of_one_value_per_client_is_an_identifier_even_when_numeric() =>
        Assert.Equal(ColumnExclusion.Identifier, Assert.Single(Schema("Code", (i, _) => (10_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))).Exclusion);

    [Fact]
    public void Client_names_are_identifiers_by_header_and_advisor_names_with_few_values_are_not()
    {
        Assert.Equal(ColumnType.Identifier, Assert.Single(Schema("ClientName", (i, _) => "Name" + (i / 2))).Inferred);
        Assert.Equal(ColumnType.Categorical, Assert.Single(Schema("advisor_name", (i, _) => "Advisor" + (i % 5))).Inferred);
    }

    [Fact]
    public void Long_varied_strings_are_text_and_not_used()
    {
        var spec = Assert.Single(Schema("Comment", (i, k) => $"Client {i % 30} came back for the {k} time and asked about several things again"));
        Assert.Equal(ColumnType.Text, spec.Inferred);
        Assert.Equal(ColumnExclusion.Text, spec.Exclusion);
    }

    [Fact]
    public void A_constant_column_and_a_sparse_one_are_left_out_with_their_reason()
    {
        Assert.Equal(ColumnExclusion.Constant, Assert.Single(Schema("Channel", (_, _) => "boutique")).Exclusion);
        Assert.Equal(ColumnExclusion.TooSparse, Assert.Single(Schema("Event", (i, _) => i < 2 ? "gala" : string.Empty, clients: 500)).Exclusion);
    }

    [Fact]
    public void Overrides_change_the_type_or_ignore_a_column_but_never_lift_an_identifier()
    {
        var types = new Dictionary<string, ColumnType>(StringComparer.OrdinalIgnoreCase) { ["store"] = ColumnType.Text };
        Assert.Equal(ColumnExclusion.Text, Assert.Single(Schema("Store", (i, _) => Stores[i % 4], new ColumnOverrides { Types = types })).Exclusion);
        Assert.Equal(ColumnExclusion.Ignored, Assert.Single(Schema("Store", (i, _) => Stores[i % 4], new ColumnOverrides { Ignore = ["STORE"] })).Exclusion);
        var email = new Dictionary<string, ColumnType>(StringComparer.OrdinalIgnoreCase) { ["Email"] = ColumnType.Categorical };
        Assert.Equal(ColumnExclusion.Identifier, Assert.Single(Schema("Email", (i, _) => $"c{i}@example.com", new ColumnOverrides { Types = email })).Exclusion);
    }

    [Fact]
    public void An_override_naming_a_column_the_file_lacks_is_an_error_listing_the_columns()
    {
        var e = Assert.Throws<ClienteleInputException>(() => Schema("Store", (i, _) => Stores[i % 4], new ColumnOverrides { Ignore = ["Shop"] }));
        Assert.Contains("--ignore-column names column 'Shop'", e.Message);
        Assert.Contains("[Store]", e.Message);
        Assert.Contains("notes.csv", e.Message);
    }

    [Theory]
    [InlineData("Duration=numeric", true)]
    [InlineData("Store = Categorical", true)]
    [InlineData("Store=colour", false)]
    [InlineData("Store", false)]
    [InlineData("=numeric", false)]
    public void Column_type_options_parse_name_equals_type(string option, bool ok) =>
        Assert.Equal(ok, ColumnOverrides.TryParseType(option, out _, out _, out _));
}
