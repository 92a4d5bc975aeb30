using System.Net.Http.Json;
using Clientele.Server.Tests.Fixtures;
using Clientele.Server.Tests.Security;
using Clientele.Storage.Keys;
using Clientele.Storage.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Server.Tests.Api;

public sealed class WorklistApiTests
{
    private const string AsOf = "2030-01-15";

    private static async Task<SecureHost> StoredHost()
    {
        var host = await SecureHost.StartAsync();
        await (await host.Client().PostAsync("/api/predict?store=true", Http.File(NoteGenerator.Csv(80, seed: 12, idPrefix: "W")))).Json();
        return host;
    }

    [Fact]
    public async Task The_worklist_lists_actions_by_priority_with_reasons_and_a_logged_contact_takes_the_client_off()
    {
        await using var host = await StoredHost();
        using var admin = host.Client();
        // Contacts are logged up to today, so this list is as of today (the generated notes are older).
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var list = await (await admin.GetAsync($"/api/worklist?as_of={today}&days=14")).Json();
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.Equal(today, list.GetProperty("as_of").GetString());
        var priorities = items.Select(i => i.GetProperty("priority").GetInt32()).ToList();
        Assert.Equal(priorities.Order(), priorities);
        Assert.All(items, i => Assert.Contains("likely to buy", i.GetProperty("reason").GetString(), StringComparison.Ordinal));
        var first = items[0].GetProperty("client_id").GetString()!;

        var logged = await admin.PostAsJsonAsync("/api/contacts", new { client_id = first, outcome = "reached", channel = "phone", date = today });
        Assert.Equal(System.Net.HttpStatusCode.Created, logged.StatusCode);
        var again = await (await admin.GetAsync($"/api/worklist?as_of={today}")).Json();
        Assert.DoesNotContain(again.GetProperty("items").EnumerateArray(), i => i.GetProperty("client_id").GetString() == first);
        Assert.Equal(1, again.GetProperty("recently_contacted").GetInt32());
        var contacts = await (await admin.GetAsync($"/api/clients/{first}/contacts")).Json();
        Assert.Equal("reached", Assert.Single(contacts.EnumerateArray()).GetProperty("outcome").GetString());

        var french = await (await admin.GetAsync($"/api/worklist?as_of={today}&language=fr")).Json();
        Assert.Contains("de chances d'achat", french.GetProperty("items")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_advisor_key_sees_and_logs_only_its_own_clients_and_a_viewer_cannot_log()
    {
        await using var host = await StoredHost();
        var store = host.App.Services.GetRequiredService<IClienteleStore>();
        var all = await (await host.Client().GetAsync($"/api/worklist?as_of={AsOf}")).Json();
        var ids = all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("client_id").GetString()!).ToList();
        Assert.True(ids.Count >= 2);
        store.SaveAdvisors(new Dictionary<string, string> { [ids[0]] = "Claire", [ids[1]] = "Hugo" });
        var keys = host.App.Services.GetRequiredService<KeyBook>();
        var (_, claireKey) = keys.Create(Roles.Advisor, "Claire", DateTimeOffset.UtcNow);
        using var claire = host.Client(claireKey);
        var own = await (await claire.GetAsync($"/api/worklist?as_of={AsOf}")).Json();
        Assert.Equal([ids[0]], own.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("client_id").GetString()));
        Assert.Equal("Claire", own.GetProperty("advisor").GetString());
        await (await claire.GetAsync($"/api/worklist?as_of={AsOf}&advisor=Hugo")).Problem(403);
        await (await claire.PostAsJsonAsync("/api/contacts", new { client_id = ids[1], outcome = "reached", channel = "phone" })).Problem(403);
        Assert.Equal(System.Net.HttpStatusCode.Created, (await claire.PostAsJsonAsync("/api/contacts", new { client_id = ids[0], outcome = "reached", channel = "phone" })).StatusCode);
        Assert.Equal("Claire", Assert.Single(store.GetContacts(ids[0])).Advisor);

        var (_, viewerKey) = keys.Create(Roles.Viewer, null, DateTimeOffset.UtcNow);
        await (await host.Client(viewerKey).PostAsJsonAsync("/api/contacts", new { client_id = ids[0], outcome = "reached", channel = "phone" })).Problem(403);
    }

    [Theory]
    [InlineData("{\"outcome\":\"reached\",\"channel\":\"phone\"}", "client_id is required")]
    [InlineData("{\"client_id\":\"W_0001\",\"outcome\":\"reached\",\"channel\":\"fax\"}", "channel 'fax' is not one of")]
    [InlineData("{\"client_id\":\"W_0001\",\"outcome\":\"\",\"channel\":\"phone\"}", "outcome is required")]
    [InlineData("{\"client_id\":\"W_0001\",\"outcome\":\"reached\",\"channel\":\"phone\",\"date\":\"2999-01-01\"}", "date is after today")]
    public async Task A_bad_contact_is_a_400_naming_the_field(string body, string expected)
    {
        await using var host = await SecureHost.StartAsync();
        var response = await host.Client().PostAsync("/api/contacts", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Contains(expected, await response.Problem(400), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("as_of=15/01/2030", "as_of '15/01/2030' is not a date")]
    [InlineData("days=999", "days must be")]
    [InlineData("language=de", "no worklist phrases in 'de'")]
    public async Task A_bad_worklist_query_is_a_400(string query, string expected)
    {
        await using var host = await StoredHost();
        Assert.Contains(expected, await (await host.Client().GetAsync("/api/worklist?" + query)).Problem(400), StringComparison.Ordinal);
    }
}
