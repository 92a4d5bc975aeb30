using Clientele.Server.Tests.Fixtures;
using Clientele.Server.Tests.Security;

namespace Clientele.Server.Tests.Api;

/// <summary>Issue 14 item 7 on a real server: a re-upload adds to a stored client's notes and never erases them.</summary>
public sealed class NotesAppendTests
{
    private static string Header => NoteGenerator.Csv(1, seed: 11, idPrefix: "P").Split('\n')[0];

    private static string Csv(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    [Fact]
    public async Task A_new_note_for_a_stored_client_is_added_to_its_notes_keeps_its_name_and_a_repeated_note_is_stored_once()
    {
        await using var host = await SecureHost.StartAsync();
        using var admin = host.Client();
        const string first = "CA_001,2025-02-03,60,EN,40,\"Meeting with Mrs Laurent, 52. Budget 5K. Looking for a black handbag.\"";
        const string second = "CA_001,2025-03-10,60,EN,30,\"Called back about the gift, ready to buy.\"";
        await (await admin.PostAsync("/api/predict?store=true&as_of=2025-06-30", Http.File(Csv(first)))).Json();
        var before = await (await admin.GetAsync("/api/clients/CA_001")).Json();
        var name = before.GetProperty("client").GetProperty("display_name").GetString();
        Assert.False(string.IsNullOrEmpty(name), "the first note names the client, or the test proves nothing");

        await (await admin.PostAsync("/api/predict?store=true&as_of=2025-06-30", Http.File(Csv(second)))).Json();
        await (await admin.PostAsync("/api/predict?store=true&as_of=2025-06-30", Http.File(Csv(second, first)))).Json();

        var after = await (await admin.GetAsync("/api/clients/CA_001")).Json();
        Assert.Equal(2, after.GetProperty("notes").GetArrayLength());
        Assert.Equal(2, after.GetProperty("client").GetProperty("note_count").GetInt32());
        Assert.Equal(name, after.GetProperty("client").GetProperty("display_name").GetString());
        Assert.Equal("2025-03-10", after.GetProperty("client").GetProperty("last_note").GetString());
    }
}
