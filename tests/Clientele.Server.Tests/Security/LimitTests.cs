using System.Net;
using Clientele.Server.Tests.Fixtures;

namespace Clientele.Server.Tests.Security;

/// <summary>Item 3: rate limits on authenticated routes, lockout per address that cannot lock a valid key out from elsewhere.</summary>
public sealed class LimitTests
{
    [Fact]
    public async Task Requests_beyond_the_per_key_limit_answer_429_while_health_stays_open()
    {
        await using var host = await SecureHost.StartAsync(o => o.RequestsPerMinute = 5);
        using var client = host.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await client.GetAsync("/api/models")).StatusCode);
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        await (await client.GetAsync("/api/models")).Problem(429);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Wrong_guesses_lock_their_address_out_but_not_the_valid_key_from_another_address()
    {
        await using var host = await SecureHost.StartAsync(o => o.SignInFailureLimit = 5);
        using var attacker = host.Client("wrong-guess-wrong-guess-000", from: "127.0.0.2");
        for (var i = 0; i < 4; i++)
        {
            await (await attacker.PostAsync("/api/predict?store=true", Http.File(TestModel.NotesCsv))).Problem(401);
        }

        await (await attacker.GetAsync("/api/models")).Problem(429);

        // The right key from the locked address is refused too, so a lucky guess is not confirmed...
        await (await host.Client(ServerFactory.Key, from: "127.0.0.2").GetAsync("/api/models")).Problem(429);

        // ...but the admin, elsewhere, is not locked out.
        Assert.Equal(HttpStatusCode.OK, (await host.Client(ServerFactory.Key, from: "127.0.0.1").GetAsync("/api/models")).StatusCode);
    }
}
