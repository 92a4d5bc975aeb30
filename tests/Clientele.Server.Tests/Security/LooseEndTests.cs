using System.Net;
using Clientele.Server.Tests.Fixtures;

namespace Clientele.Server.Tests.Security;

/// <summary>Item 12 (the server's part): ids with '/', tier=99, a failed job's message.</summary>
public sealed class LooseEndTests
{
    [Fact]
    public async Task A_client_id_containing_a_slash_is_found_through_its_encoded_route()
    {
        await using var host = await SecureHost.StartAsync();
        using var admin = host.Client();
        var csv = "client_id,date,note\nAB/12,2025-01-05,Loves silk scarves and champagne\n";
        await (await admin.PostAsync("/api/predict?store=true", Http.File(csv))).Json();
        var detail = await (await admin.GetAsync("/api/clients/AB%2F12")).Json();
        Assert.Equal("AB/12", detail.GetProperty("client").GetProperty("client_id").GetString());
    }

    [Fact]
    public async Task Tier_99_is_refused_with_400_not_recorded_as_elite()
    {
        await using var host = await SecureHost.StartAsync();
        var detail = await (await host.Client().PostAsync("/api/train?tier=99", Http.File(TestModel.NotesCsv, "notes"))).Problem(400);
        Assert.Contains("fast", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_job_message_is_plain_text_without_exception_type_names()
    {
        var message = ServerMessages.JobFailed(new AggregateException(new OverflowException("Arithmetic operation resulted in an overflow.")));
        Assert.DoesNotContain("AggregateException", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);
        Assert.Contains("overflow", message, StringComparison.Ordinal);
    }
}
