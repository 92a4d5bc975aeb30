using System.Text.Json;
using Clientele.Server.Tests.Fixtures;

namespace Clientele.Server.Tests.Security;

/// <summary>Item 4: who, what, when, from where, in the store; GET /api/audit for admins; never note text.</summary>
public sealed class AuditTests
{
    [Fact]
    public async Task The_audit_records_sign_in_failures_client_reads_and_activations_by_key_and_address_without_note_text()
    {
        await using var host = await SecureHost.StartAsync();
        using var admin = host.Client();
        var csv = NoteGenerator.Csv(3, seed: 5, idPrefix: "Q");
        await (await admin.PostAsync("/api/predict?store=true", Http.File(csv))).Json();
        await (await host.Client("not-the-key-not-the-key-00").GetAsync("/api/models")).Problem(401);
        var detail = await (await admin.GetAsync("/api/clients/Q_0001")).Json();
        await (await admin.PostAsync("/api/models/v1/activate", null)).Json();

        var text = await (await admin.GetAsync("/api/audit")).Content.ReadAsStringAsync();
        var entries = JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "sign-in-failure" && e.GetProperty("remote").GetString() == "127.0.0.1"
            && e.GetProperty("key_id").ValueKind == JsonValueKind.Null);
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "client-read" && e.GetProperty("subject").GetString() == "Q_0001"
            && e.GetProperty("key_id").GetString() == "env");
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "activate" && e.GetProperty("subject").GetString() == "v1");
        Assert.All(entries, e => Assert.True(e.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5)));
        foreach (var note in detail.GetProperty("notes").EnumerateArray())
        {
            Assert.DoesNotContain(note.GetProperty("text").GetString()!, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("not-the-key", text, StringComparison.Ordinal);
    }
}
