using System.Text.Json.Nodes;
using Clientele.Server.Tests.Fixtures;
using Clientele.Storage.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Server.Tests.Security;

/// <summary>Issue 15, item 8 through the API: sensitive_included per version, service notes per client.</summary>
public sealed class SensitiveDataTests
{
    [Fact]
    public async Task Models_say_whether_they_were_trained_with_sensitive_data_and_a_clients_allergy_is_a_service_note_not_a_reason()
    {
        await using var host = await SecureHost.StartAsync();
        using var admin = host.Client();
        var sensitive = TestModel.CopyTo(Path.Combine(host.Root, "models"), "v-sens");
        var metadata = Path.Combine(sensitive, "metadata.json");
        var json = JsonNode.Parse(await File.ReadAllTextAsync(metadata))!;
        json["includes_sensitive"] = true;
        await File.WriteAllTextAsync(metadata, json.ToJsonString());
        host.App.Services.GetRequiredService<IClienteleStore>().SaveModelVersion(new ModelVersionRecord("v-sens", "fast", sensitive, DateTimeOffset.UtcNow, "{}", false));

        var models = (await (await admin.GetAsync("/api/models")).Json()).EnumerateArray().ToDictionary(m => m.GetProperty("version").GetString()!);
        Assert.True(models["v-sens"].GetProperty("sensitive_included").GetBoolean());
        Assert.False(models["v1"].GetProperty("sensitive_included").GetBoolean());

        var csv = NoteGenerator.Csv(3, seed: 5, idPrefix: "Q") + "Q_NUTS,2025-02-03,45,EN,60,\"Severe nut allergy; loves black leather handbags\"\n";
        await (await admin.PostAsync("/api/predict?store=true", Http.File(csv))).Json();
        var detail = await (await admin.GetAsync("/api/clients/Q_NUTS")).Json();
        var note = Assert.Single(detail.GetProperty("service_notes").EnumerateArray());
        Assert.Equal(("nut allergy", "health"), (note.GetProperty("label").GetString(), note.GetProperty("reason").GetString()));
        Assert.DoesNotContain("allerg", detail.GetProperty("client").GetProperty("score").GetProperty("reasons").GetString(), StringComparison.OrdinalIgnoreCase);
    }
}
