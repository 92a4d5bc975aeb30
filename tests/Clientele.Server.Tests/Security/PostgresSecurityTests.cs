using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Clientele.Server.Tests.Fixtures;
using Clientele.Storage.Keys;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Clientele.Server.Tests.Security;

/// <summary>
/// The security suite's points that live in the store, again on a real server on loopback over a throwaway
/// PostgreSQL schema: keys and roles, the audit, erasure (rows gone, the audit keeps a hash), export, consent,
/// pseudonymisation at ingest and note text sealed under the data key. The SQLite runs are the other Security tests.
/// </summary>
public sealed class PostgresSecurityTests
{
    private const string Marker = "PGQ-ERASE-MARKER-7731";

    private static string MarkedCsv(string id) =>
        NoteGenerator.Csv(4, seed: 11, idPrefix: "P") + $"{id},2025-02-03,60,EN,40,\"Allergic to nuts, {Marker}; write to lea.marker@example.com\"\n";

    private static Task<SecureHost> Start(PostgresSchema schema, string? keyFile = null) =>
        SecureHost.StartAsync(o =>
        {
            o.ConnectionString = schema.ConnectionString;
            o.DataKeyFile = keyFile;
        });

    private static long Count(PostgresSchema schema, string sql)
    {
        using var c = new NpgsqlConnection(schema.ConnectionString);
        c.Open();
        using var command = new NpgsqlCommand(sql, c);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [PostgresFact]
    public async Task Keys_roles_and_the_audit_hold_on_postgresql()
    {
        using var schema = new PostgresSchema();
        await using var host = await Start(schema);
        using var admin = host.Client();
        await (await host.Client(key: null).GetAsync("/api/clients")).Problem(401);
        await (await admin.PostAsync("/api/predict?store=true", Http.File(NoteGenerator.Csv(5, seed: 3, idPrefix: "A")))).Json();
        var (_, key) = host.App.Services.GetRequiredService<KeyBook>().Create(Roles.Viewer, null, DateTimeOffset.UtcNow);
        using var viewer = host.Client(key);

        await (await viewer.PostAsync("/api/predict?store=true", Http.File(NoteGenerator.Csv(2, seed: 4, idPrefix: "B")))).Problem(403);
        await (await viewer.GetAsync("/api/audit")).Problem(403);
        await (await viewer.GetAsync("/api/clients/A_0001")).Json();
        await (await host.Client("not-the-key-not-the-key-00").GetAsync("/api/models")).Problem(401);

        var audit = JsonDocument.Parse(await (await admin.GetAsync("/api/audit")).Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "client-read" && e.GetProperty("subject").GetString() == "A_0001");
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "sign-in-failure");
        Assert.Equal(0, Count(schema, "SELECT COUNT(*) FROM clients WHERE client_id LIKE 'B_%'"));
    }

    [PostgresFact]
    public async Task Export_consent_and_erasure_hold_on_postgresql_and_leave_no_row_of_the_client()
    {
        using var schema = new PostgresSchema();
        await using var host = await Start(schema);
        using var admin = host.Client();
        await (await admin.PostAsync("/api/predict?store=true", Http.File(MarkedCsv("ZZ/9")))).Json();

        var export = await (await admin.GetAsync("/api/clients/ZZ%2F9/export")).Json();
        Assert.Contains(Marker, export.GetProperty("notes")[0].GetProperty("text").GetString()!, StringComparison.Ordinal);
        // Pseudonymised at ingest: the e-mail address never reached the store.
        Assert.DoesNotContain("lea.marker@example.com", export.GetProperty("notes")[0].GetProperty("text").GetString()!, StringComparison.Ordinal);

        await (await admin.PostAsJsonAsync("/api/clients/ZZ%2F9/consent", new { state = "objected" })).Json();
        var again = await admin.PostAsync("/api/predict?store=true", Http.File(MarkedCsv("ZZ/9")));
        await again.Json();
        Assert.Equal("1", again.Headers.GetValues("X-Clients-Suppressed").Single());

        var erased = await (await admin.DeleteAsync("/api/clients/ZZ%2F9")).Json();
        var hash = erased.GetProperty("client_hash").GetString()!;
        await (await admin.GetAsync("/api/clients/ZZ%2F9")).Problem(404);
        Assert.Equal(0, Count(schema, "SELECT COUNT(*) FROM notes WHERE client_id = 'ZZ/9'"));
        Assert.Equal(0, Count(schema, "SELECT COUNT(*) FROM predictions WHERE client_id = 'ZZ/9'"));
        Assert.Equal(0, Count(schema, $"SELECT COUNT(*) FROM notes WHERE body LIKE '%{Marker}%'"));
        var audit = await (await admin.GetAsync("/api/audit")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("ZZ/9", audit, StringComparison.Ordinal);
        Assert.Contains(hash, audit, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Note_text_is_sealed_under_the_data_key_on_postgresql()
    {
        using var schema = new PostgresSchema();
        var keyFile = Path.Combine(Path.GetTempPath(), "clientele-pg-key-" + Guid.NewGuid().ToString("N")[..8]);
        File.WriteAllText(keyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n");
        try
        {
            await using var host = await Start(schema, keyFile);
            using var admin = host.Client();
            await (await admin.PostAsync("/api/predict?store=true", Http.File(MarkedCsv("ZZ_2")))).Json();

            var detail = await (await admin.GetAsync("/api/clients/ZZ_2")).Json();
            Assert.Contains(Marker, detail.GetProperty("notes")[0].GetProperty("text").GetString()!, StringComparison.Ordinal);
            Assert.Equal(1, Count(schema, "SELECT COUNT(*) FROM notes WHERE client_id = 'ZZ_2' AND body_key IS NOT NULL"));
            Assert.Equal(0, Count(schema, $"SELECT COUNT(*) FROM notes WHERE body LIKE '%{Marker}%'"));
        }
        finally
        {
            File.Delete(keyFile);
        }
    }
}
