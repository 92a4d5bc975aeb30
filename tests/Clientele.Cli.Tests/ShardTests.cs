namespace Clientele.Cli.Tests;

/// <summary><c>predict --shard k/n</c> in process: the shards partition the clients and score each as the whole run does.</summary>
public sealed class ShardTests(CliFixture data) : IClassFixture<CliFixture>
{
    [Fact]
    public void Three_shards_score_every_client_once_with_the_scores_of_the_unsharded_run()
    {
        var model = data.PathOf("shard-model");
        Assert.Equal(0, ClienteleApp.RunCaptured("train", "--notes", data.Notes, "--labels", data.Labels, "--tier", "fast", "--out", model, "--no-store", "-q").Exit);
        var whole = data.PathOf("whole.csv");
        Assert.Equal(0, ClienteleApp.RunCaptured("predict", "--model", model, "--notes", data.Notes, "--out", whole, "--no-store", "-q").Exit);

        var sharded = new List<string>();
        for (var k = 0; k < 3; k++)
        {
            var part = data.PathOf($"shard-{k}.csv");
            RunOk("predict", "--model", model, "--notes", data.Notes, "--out", part, "--shard", $"{k}/3", "--no-store", "-q");
            var rows = File.ReadAllLines(part).Skip(1).ToList();
            Assert.NotEmpty(rows);
            sharded.AddRange(rows);
        }

        // Same rows (scores and reasons included: every shard scores to the whole file's as-of), each client once.
        Assert.Equal(File.ReadAllLines(whole).Skip(1).Order(StringComparer.Ordinal), sharded.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("3/3")]
    [InlineData("-1/2")]
    [InlineData("1/0")]
    [InlineData("1-2")]
    public void A_shard_outside_0_to_n_minus_1_is_a_usage_error(string shard)
    {
        var (exit, _, err) = ClienteleApp.RunCaptured("predict", "--model", "m", "--notes", data.Notes, "--out", data.PathOf("x.csv"), "--shard", shard, "--no-store");
        Assert.Equal(2, exit);
        Assert.Contains("--shard", err, StringComparison.Ordinal);
    }
}
