using System.Net;
using Clientele.Server.Tests.Fixtures;

namespace Clientele.Server.Tests.Api;

/// <summary>The as-of rule on the API: <c>?as_of=</c>, default today (UTC); later notes left out and counted; never the upload's newest date.</summary>
public sealed class PredictAsOfTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    private const string Header = "client_id,date,text\n";
    private const string One = "AO_1,2025-01-10,\"Wants a black leather handbag, budget 5K\"\n";
    private const string Later = "AO_2,2025-08-01,\"Bought a scarf, will come back for the autumn collection\"\n";

    private async Task<(HttpResponseMessage Response, string First)> Score(string csv, string query)
    {
        var response = await factory.CreateClient().PostAsync("/api/predict" + query, Http.File(Header + csv));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scores = await response.Json();
        var first = scores.EnumerateArray().Single(s => s.GetProperty("client_id").GetString() == "AO_1");
        return (response, first.GetRawText());
    }

    [Fact]
    public async Task A_clients_score_is_the_same_alone_and_beside_a_later_client()
    {
        var (_, alone) = await Score(One, "?as_of=2025-09-30");
        var (_, beside) = await Score(One + Later, "?as_of=2025-09-30");
        Assert.Equal(alone, beside);
    }

    [Fact]
    public async Task Notes_after_as_of_are_left_out_and_counted_in_a_header()
    {
        var (response, _) = await Score(One + Later, "?as_of=2025-06-30");
        Assert.Equal("2025-06-30", response.Headers.GetValues("X-As-Of").Single());
        Assert.Equal("1", response.Headers.GetValues("X-Notes-After-As-Of").Single());
    }

    [Fact]
    public async Task Without_as_of_the_scores_are_as_of_today()
    {
        var (response, _) = await Score(One, string.Empty);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-As-Of").Single());
    }

    [Fact]
    public async Task An_as_of_that_is_not_a_date_is_a_400_naming_it()
    {
        var response = await factory.CreateClient().PostAsync("/api/predict?as_of=yesterday", Http.File(Header + One));
        var problem = await response.Problem(400);
        Assert.Contains("as_of 'yesterday'", problem, StringComparison.Ordinal);
    }
}
