using Clientele.Server.Tests.Fixtures;
using Clientele.Storage.Keys;
using Clientele.Storage.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Server.Tests.Security;

/// <summary>Item 1: every route but /health needs a credential; roles; keys hashed; the bootstrap key's length.</summary>
public sealed class RoleTests
{
    [Fact]
    public async Task A_viewer_key_reads_everything_but_cannot_train_activate_or_read_the_audit()
    {
        await using var host = await SecureHost.StartAsync();
        var (_, key) = host.App.Services.GetRequiredService<KeyBook>().Create(Roles.Viewer, null, DateTimeOffset.UtcNow);
        using var viewer = host.Client(key);
        foreach (var url in new[] { "/api/clients", "/api/models", "/api/runs", "/api/summary", "/openapi/v1.json" })
        {
            Assert.True((await viewer.GetAsync(url)).IsSuccessStatusCode, url);
        }

        await (await viewer.PostAsync("/api/models/v1/activate", null)).Problem(403);
        await (await viewer.PostAsync("/api/train", Http.File(TestModel.NotesCsv, "notes"))).Problem(403);
        await (await viewer.PostAsync("/api/predict?store=true", Http.File(TestModel.NotesCsv))).Problem(403);
        await (await viewer.GetAsync("/api/audit")).Problem(403);
    }

    [Fact]
    public async Task An_advisor_key_reads_every_client_while_the_store_has_no_advisor_column()
    {
        await using var host = await SecureHost.StartAsync();
        using var admin = host.Client();
        await (await admin.PostAsync("/api/predict?store=true", Http.File(NoteGenerator.Csv(5, seed: 3, idPrefix: "A")))).Json();
        var (_, key) = host.App.Services.GetRequiredService<KeyBook>().Create(Roles.Advisor, "Claire", DateTimeOffset.UtcNow);
        var page = await (await host.Client(key).GetAsync("/api/clients")).Json();
        Assert.Equal(5, page.GetProperty("total").GetInt32());
        await (await host.Client(key).PostAsync("/api/models/v1/activate", null)).Problem(403);
    }

    [Fact]
    public async Task Keys_are_stored_as_keyed_hashes_and_a_revoked_key_is_refused()
    {
        await using var host = await SecureHost.StartAsync();
        var keys = host.App.Services.GetRequiredService<KeyBook>();
        var (record, key) = keys.Create(Roles.Viewer, null, DateTimeOffset.UtcNow);
        Assert.True(key.Length >= 40);
        Assert.True((await host.Client(key).GetAsync("/api/models")).IsSuccessStatusCode);
        var stored = host.App.Services.GetRequiredService<IClienteleStore>().ListApiKeys();
        Assert.DoesNotContain(stored, k => k.KeyHash.Contains(key, StringComparison.Ordinal) || k.KeyHash == ServerFactory.Key);
        Assert.True(keys.Revoke(record.KeyId, DateTimeOffset.UtcNow));
        await (await host.Client(key).GetAsync("/api/models")).Problem(401);
    }

    [Fact]
    public async Task A_bootstrap_key_shorter_than_24_characters_refuses_to_start()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await SecureHost.StartAsync(o => o.ApiKey = "short-key-123"));
        Assert.Contains("at least 24 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_operation_in_OpenAPI_states_its_roles()
    {
        await using var host = await SecureHost.StartAsync();
        var doc = await (await host.Client().GetAsync("/openapi/v1.json")).Json();
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var description = operation.Value.GetProperty("description").GetString() ?? string.Empty;
                Assert.True(description.Contains("Roles: ", StringComparison.Ordinal) || description.Contains("No credential", StringComparison.Ordinal), path.Name);
            }
        }

        Assert.Contains("Roles: admin", doc.GetProperty("paths").GetProperty("/api/train").GetProperty("post").GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
