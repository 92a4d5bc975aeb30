using System.Text.Json;
using Clientele.Storage.Store;
using Microsoft.Extensions.DependencyInjection;
using Clientele.Server.Tests.Fixtures;

namespace Clientele.Server.Tests.Security;

/// <summary>Issue 15, item 9: an upload's <c>consent</c> column, through the API on a real server.</summary>
public sealed class ConsentColumnTests
{
    /// <summary>Generated notes with a consent column added: P_0001 withdrew (no), P_0002 objected, P_0003 consents (yes).</summary>
    private static string CsvWithConsent()
    {
        var lines = NoteGenerator.Csv(6, seed: 11, idPrefix: "P").TrimEnd('\n').Split('\n');
        var consent = new Dictionary<string, string>(StringComparer.Ordinal) { ["P_0001"] = "no", ["P_0002"] = "objected", ["P_0003"] = "yes" };
        return string.Join('\n', lines.Select((l, i) => i == 0 ? "Consent," + l : consent.GetValueOrDefault(l.Split(',')[0], string.Empty) + "," + l)) + "\n";
    }

    [Fact]
    public async Task Withdrawn_and_objecting_rows_of_an_upload_are_not_scored_counted_recorded_as_consent_and_audited()
    {
        await using var host = await SecureHost.StartAsync();
        using var admin = host.Client();

        var response = await admin.PostAsync("/api/predict?store=true", Http.File(CsvWithConsent()));
        var scores = await response.Json();

        Assert.Equal("2", response.Headers.GetValues("X-Clients-Suppressed").Single());
        var ids = scores.EnumerateArray().Select(s => s.GetProperty("client_id").GetString()).ToList();
        Assert.Equal(["P_0003", "P_0004", "P_0005", "P_0006"], ids.Order(StringComparer.Ordinal));
        // Not stored (never scored), but the objection is kept, so the nightly scoring honours it too.
        var store = host.App.Services.GetRequiredService<IClienteleStore>();
        Assert.Equal("objected", store.GetConsent("P_0002")?.State);
        Assert.Equal("withdrawn", store.GetConsent("P_0001")?.State);
        Assert.Null(store.GetConsent("P_0003"));
        var audit = JsonDocument.Parse(await (await admin.GetAsync("/api/audit")).Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "consent" && e.GetProperty("subject").GetString() == "P_0001"
            && e.GetProperty("outcome").GetString() == "withdrawn" && e.GetProperty("key_id").GetString() == "env");
    }

    [Fact]
    public async Task An_unknown_consent_value_in_an_upload_is_a_400_naming_line_column_and_the_accepted_values()
    {
        await using var host = await SecureHost.StartAsync();
        using var admin = host.Client();
        var csv = CsvWithConsent().Replace("\nobjected,", "\nmaybe,", StringComparison.Ordinal);
        var detail = await (await admin.PostAsync("/api/predict", Http.File(csv))).Problem(400);
        Assert.Matches(@"^notes\.csv:\d+:1: ", detail);
        Assert.Contains("'maybe' is not one of yes, granted, no, withdrawn, objected", detail, StringComparison.Ordinal);
    }
}
