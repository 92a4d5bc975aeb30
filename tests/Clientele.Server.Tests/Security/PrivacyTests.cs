using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Server.Tests.Fixtures;
using Clientele.Storage.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Server.Tests.Security;

/// <summary>Issue 15 items 5, 6 and 9 on a real server on loopback: erasure, export (subject access), consent.</summary>
public sealed class PrivacyTests
{
    private const string Marker = "XQW-ERASE-MARKER-5521";

    private static string MarkedCsv(string id) =>
        NoteGenerator.Csv(4, seed: 11, idPrefix: "P") + $"{id},2025-02-03,60,EN,40,\"Allergic to nuts, {Marker}; daughter Lea\"\n";

    [Fact]
    public async Task Delete_erases_the_client_and_its_note_text_leaves_the_sqlite_files_and_the_audit_keeps_only_a_hash()
    {
        await using var host = await SecureHost.StartAsync();
        using var admin = host.Client();
        await (await admin.PostAsync("/api/predict?store=true", Http.File(MarkedCsv("ZZ/9")))).Json();
        await (await admin.GetAsync("/api/clients/ZZ%2F9")).Json();
        Assert.True(Clientele.TestKit.DatabaseFiles.Contain(host.Database, Marker), "the marker should be stored first, or the test proves nothing");

        var erased = await (await admin.DeleteAsync("/api/clients/ZZ%2F9")).Json();

        Assert.Equal(1, erased.GetProperty("notes").GetInt32());
        Assert.Equal(1, erased.GetProperty("predictions").GetInt32());
        var hash = erased.GetProperty("client_hash").GetString()!;
        Assert.StartsWith("hmac:", hash, StringComparison.Ordinal);
        await (await admin.GetAsync("/api/clients/ZZ%2F9")).Problem(404);
        await (await admin.DeleteAsync("/api/clients/ZZ%2F9")).Problem(404);
        Assert.False(Clientele.TestKit.DatabaseFiles.Contain(host.Database, Marker));
        Assert.False(Clientele.TestKit.DatabaseFiles.Contain(host.Database, "ZZ/9"));
        var audit = await (await admin.GetAsync("/api/audit")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("ZZ/9", audit, StringComparison.Ordinal);
        Assert.Contains(JsonDocument.Parse(audit).RootElement.EnumerateArray(), e => e.GetProperty("action").GetString() == "erase" && e.GetProperty("subject").GetString() == hash);
        Assert.Equal(JsonValueKind.Object, (await (await admin.GetAsync("/api/clients/P_0001")).Json()).ValueKind);
    }

    [Fact]
    public async Task Erasure_export_and_consent_are_for_admins_only()
    {
        await using var host = await SecureHost.StartAsync();
        using var admin = host.Client();
        await (await admin.PostAsync("/api/predict?store=true", Http.File(MarkedCsv("ZZ_1")))).Json();
        var (_, key) = host.App.Services.GetRequiredService<KeyBook>().Create(Roles.Viewer, null, DateTimeOffset.UtcNow);
        using var viewer = host.Client(key);
        await (await viewer.DeleteAsync("/api/clients/ZZ_1")).Problem(403);
        await (await viewer.GetAsync("/api/clients/ZZ_1/export")).Problem(403);
        await (await viewer.PostAsJsonAsync("/api/clients/ZZ_1/consent", new { state = "objected" })).Problem(403);
        await (await host.Client(key: null).DeleteAsync("/api/clients/ZZ_1")).Problem(401);
        await (await admin.GetAsync("/api/clients/ZZ_1")).Json();
    }

    [Fact]
    public async Task Export_holds_notes_concepts_predictions_with_reasons_and_versions_consent_and_the_audit_about_the_client()
    {
        await using var host = await SecureHost.StartAsync();
        using var admin = host.Client();
        await (await admin.PostAsync("/api/predict?store=true", Http.File(MarkedCsv("ZZ/2")))).Json();
        var detail = await (await admin.GetAsync("/api/clients/ZZ%2F2")).Json();
        await (await admin.PostAsJsonAsync("/api/clients/ZZ%2F2/consent", new { state = "granted" })).Json();

        var export = await (await admin.GetAsync("/api/clients/ZZ%2F2/export")).Json();

        Assert.Equal(1, export.GetProperty("format").GetInt32());
        Assert.Equal("ZZ/2", export.GetProperty("client").GetProperty("client_id").GetString());
        Assert.Contains(Marker, export.GetProperty("notes")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(detail.GetProperty("concepts").GetArrayLength(), export.GetProperty("concepts").GetArrayLength());
        var prediction = export.GetProperty("predictions")[0];
        Assert.Equal("v1", prediction.GetProperty("model_version").GetString());
        Assert.False(string.IsNullOrEmpty(prediction.GetProperty("reasons").GetString()));
        Assert.Equal("v1", export.GetProperty("models")[0].GetProperty("version").GetString());
        Assert.Equal("granted", export.GetProperty("consent").GetProperty("state").GetString());
        var actions = export.GetProperty("audit").EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Contains("client-read", actions);
        Assert.Contains("consent", actions);
        await (await admin.GetAsync("/api/clients/NOPE/export")).Problem(404);

        var audit = JsonDocument.Parse(await (await admin.GetAsync("/api/audit")).Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "export" && e.GetProperty("subject").GetString() == "ZZ/2");
    }

    [Fact]
    public async Task An_objecting_client_is_not_scored_nor_stored_and_the_suppression_is_counted_and_audited()
    {
        await using var host = await SecureHost.StartAsync();
        using var admin = host.Client();
        var csv = MarkedCsv("ZZ_3");
        await (await admin.PostAsync("/api/predict?store=true", Http.File(csv))).Json();
        var set = await (await admin.PostAsJsonAsync("/api/clients/ZZ_3/consent", new { state = "objected" })).Json();
        Assert.True(set.GetProperty("suppressed").GetBoolean());
        await (await admin.PostAsJsonAsync("/api/clients/ZZ_3/consent", new { state = "maybe" })).Problem(400);

        var response = await admin.PostAsync("/api/predict?store=true", Http.File(csv));
        var scores = await response.Json();

        Assert.Equal("1", response.Headers.GetValues("X-Clients-Suppressed").Single());
        Assert.DoesNotContain(scores.EnumerateArray(), s => s.GetProperty("client_id").GetString() == "ZZ_3");
        Assert.Equal(4, scores.GetArrayLength());
        var detail = await (await admin.GetAsync("/api/clients/ZZ_3")).Json();
        Assert.Equal(0, detail.GetProperty("history").GetArrayLength());
        var audit = JsonDocument.Parse(await (await admin.GetAsync("/api/audit")).Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "consent" && e.GetProperty("subject").GetString() == "ZZ_3");
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "scoring-suppressed" && e.GetProperty("outcome").GetString() == "1");
    }

    [Fact]
    public async Task A_version_trained_with_an_erased_client_is_listed_as_such_until_retrained()
    {
        await using var host = await SecureHost.StartAsync();
        using var admin = host.Client();
        await (await admin.PostAsync("/api/predict?store=true", Http.File(TestModel.NotesCsv))).Json();
        var job = await (await admin.PostAsync("/api/train?tier=fast", null)).Json();
        var done = await Http.WaitForJob(admin, job.GetProperty("id").GetString()!, TimeSpan.FromMinutes(3));
        var version = done.GetProperty("version").GetString()!;

        var erased = await (await admin.DeleteAsync("/api/clients/CL_0001")).Json();

        Assert.Contains(erased.GetProperty("versions_to_retrain").EnumerateArray(), v => v.GetProperty("version").GetString() == version && v.GetProperty("erased_clients").GetInt32() == 1);
        var models = (await (await admin.GetAsync("/api/models")).Json()).EnumerateArray().ToList();
        Assert.Equal(1, models.Single(m => m.GetProperty("version").GetString() == version).GetProperty("trained_with_erased_clients").GetInt32());
        Assert.Equal(0, models.Single(m => m.GetProperty("version").GetString() == "v1").GetProperty("trained_with_erased_clients").GetInt32());
    }

    [Fact]
    public async Task The_server_store_keeps_notes_pseudonymised_by_default_and_as_sent_when_turned_off()
    {
        var csv = NoteGenerator.Csv(2, seed: 3, idPrefix: "P") + "ZZ_5,2025-02-03,60,EN,40,\"Loves silk. Mail claire@example.com or call +33 6 12 34 56 78\"\n";
        await using (var host = await SecureHost.StartAsync())
        {
            using var admin = host.Client();
            await (await admin.PostAsync("/api/predict?store=true", Http.File(csv))).Json();
            var text = (await (await admin.GetAsync("/api/clients/ZZ_5")).Json()).GetProperty("notes")[0].GetProperty("text").GetString();
            Assert.Equal("Loves silk. Mail [email] or call [phone]", text);
            Assert.False(Clientele.TestKit.DatabaseFiles.Contain(host.Database, "claire@example.com"));
        }

        await using (var host = await SecureHost.StartAsync(o => o.Pseudonymise = false))
        {
            using var admin = host.Client();
            await (await admin.PostAsync("/api/predict?store=true", Http.File(csv))).Json();
            var text = (await (await admin.GetAsync("/api/clients/ZZ_5")).Json()).GetProperty("notes")[0].GetProperty("text").GetString();
            Assert.Contains("claire@example.com", text, StringComparison.Ordinal);
        }
    }
}
