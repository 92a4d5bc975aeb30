using System.Text.Json;
using Clientele.Server.Tests.Fixtures;
using Clientele.Synthetic;

namespace Clientele.Server.Tests.Api;

/// <summary>
/// Issue 12 item 6 on a real server: transactions posted to the store (admin, idempotent, strict), a train job on the
/// stored notes and transactions, rescoring that reads the stored purchases, and the client page's purchases block.
/// </summary>
public sealed class TransactionsApiTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    private static readonly Lazy<(string Notes, string Transactions)> Generated = new(() =>
    {
        using var notes = new StringWriter();
        using var labels = new StringWriter();
        using var transactions = new StringWriter();
        NotesGenerator.Write(new GeneratorOptions(300, Seed: 12), notes, labels, transactions);
        return (notes.ToString(), transactions.ToString());
    });

    [Fact]
    public async Task Posting_transactions_twice_stores_them_once_and_answers_read_new_duplicates_and_clients()
    {
        var client = factory.CreateAuthorizedClient();
        const string Csv = "client_id,date,amount,order_id,currency\nP_1,2026-03-01,120.5,PX-1,EUR\nP_1,2026-04-01,80,,EUR\nP_2,2026-04-02,99,,EUR\n";

        var first = await (await client.PostAsync("/api/transactions", Http.CsvBody(Csv))).Json();
        var second = await (await client.PostAsync("/api/transactions", Http.File(Csv, "transactions", "tx.csv"))).Json();

        Assert.Equal((3, 3, 0, 2), Counts(first));
        Assert.Equal((3, 0, 3, 2), Counts(second));
        Assert.Equal(2, factory.Store.GetTransactions("P_1").Count);
    }

    [Fact]
    public async Task A_bad_row_is_a_400_naming_file_line_and_column_and_nothing_is_stored()
    {
        var client = factory.CreateAuthorizedClient();

        var detail = await (await client.PostAsync("/api/transactions", Http.File("client_id,date,amount\nB_1,2026-03-01,10\nB_2,someday,5\n", "transactions", "bad.csv"))).Problem(400);

        Assert.StartsWith("bad.csv:3:2:", detail, StringComparison.Ordinal);
        Assert.Empty(factory.Store.GetTransactions("B_1"));
        var none = await (await client.PostAsync("/api/transactions", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).Problem(400);
        Assert.Contains("no transactions were sent", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_admin_key_posts_transactions()
    {
        var anonymous = factory.CreateAnonymousClient();
        var response = await anonymous.PostAsync("/api/transactions", Http.CsvBody("client_id,date,amount\nA_1,2026-03-01,10\n"));
        Assert.Equal(401, (int)response.StatusCode);
        Assert.Empty(factory.Store.GetTransactions("A_1"));
    }

    [Fact]
    public async Task A_train_job_on_stored_transactions_makes_a_model_that_rescoring_feeds_stored_purchases_and_whose_client_page_shows_btyd()
    {
        var client = factory.CreateAuthorizedClient();
        var (notes, transactions) = Generated.Value;
        await (await client.PostAsync("/api/transactions", Http.File(transactions, "transactions", "transactions.csv"))).Json();
        var predict = await client.PostAsync("/api/predict?store=true&as_of=2026-12-31", Http.File(notes));
        Assert.True(predict.IsSuccessStatusCode, await predict.Content.ReadAsStringAsync());
        var buyer = factory.Store.AllTransactions().GroupBy(t => t.ClientId).First(g => g.Count() >= 2 && factory.Store.GetClient(g.Key) is not null);
        var withoutBtyd = await (await client.GetAsync($"/api/clients/{buyer.Key}?as_of=2026-12-31")).Json();
        Assert.Equal(JsonValueKind.Null, withoutBtyd.GetProperty("purchases").GetProperty("btyd").ValueKind);
        Assert.Contains("without purchase history", withoutBtyd.GetProperty("purchases").GetProperty("btyd_reason").GetString(), StringComparison.Ordinal);

        var form = new MultipartFormDataContent { { new StringContent("fast"), "tier" }, { new StringContent("true"), "activate" } };
        var job = await (await client.PostAsync("/api/train", form)).Json();
        var done = await Http.WaitForJob(client, job.GetProperty("id").GetString()!);
        Assert.True(done.GetProperty("status").GetString() == "succeeded", done.ToString());
        Assert.Contains("transactions", done.GetProperty("metrics").GetProperty("label_source").GetString(), StringComparison.OrdinalIgnoreCase);

        // The stored notes are rescored with the new model, which reads each client's stored purchases.
        var rescored = await client.PostAsync("/api/predict?as_of=2026-12-31", Http.File(notes));
        Assert.True(rescored.IsSuccessStatusCode, await rescored.Content.ReadAsStringAsync());
        // The nightly rescoring of the stored clients reads their stored purchases too.
        var nightly = await (await client.PostAsync("/api/runs/nightly-score", null)).Json();
        var ran = await Http.WaitForJob(client, nightly.GetProperty("id").GetString()!);
        Assert.True(ran.GetProperty("status").GetString() == "succeeded", ran.ToString());
        Assert.Equal(done.GetProperty("version").GetString(), factory.Store.GetPredictionHistory(buyer.Key)[0].ModelVersion);

        var detail = await (await client.GetAsync($"/api/clients/{buyer.Key}?as_of=2026-12-31")).Json();
        var purchases = detail.GetProperty("purchases");
        Assert.Equal(buyer.Count(t => t.Date <= new DateOnly(2026, 12, 31)), purchases.GetProperty("transactions").GetArrayLength());
        Assert.Equal(buyer.Sum(t => t.Amount), purchases.GetProperty("total_spend").GetDouble(), 6);
        Assert.Equal((new DateOnly(2026, 12, 31).DayNumber - buyer.Max(t => t.Date).DayNumber), purchases.GetProperty("days_since_last_purchase").GetInt32());
        var btyd = purchases.GetProperty("btyd");
        Assert.InRange(btyd.GetProperty("probability_alive").GetDouble(), 0, 1);
        Assert.True(btyd.GetProperty("expected_purchases").GetDouble() > 0);
        Assert.True(btyd.GetProperty("clv").GetDouble() > 0);
        Assert.Equal(90, btyd.GetProperty("horizon_days").GetInt32());
    }

    [Fact]
    public async Task A_client_without_purchases_has_an_empty_block_that_says_why_there_are_no_btyd_figures()
    {
        var client = factory.CreateAuthorizedClient();
        await (await client.PostAsync("/api/predict?store=true&as_of=2026-12-31", Http.File(NoteGenerator.Csv(5, seed: 3, idPrefix: "N")))).Content.ReadAsStringAsync();

        var purchases = (await (await client.GetAsync("/api/clients/N_0001")).Json()).GetProperty("purchases");

        Assert.Equal(0, purchases.GetProperty("transactions").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, purchases.GetProperty("days_since_last_purchase").ValueKind);
        Assert.Equal(JsonValueKind.Null, purchases.GetProperty("btyd").ValueKind);
        Assert.Contains("no purchase", purchases.GetProperty("btyd_reason").GetString(), StringComparison.Ordinal);
        await (await client.GetAsync("/api/clients/N_0001?as_of=tomorrow")).Problem(400);
    }

    [Fact]
    public async Task A_client_known_only_from_posted_purchases_has_a_page_with_its_purchases_and_no_notes()
    {
        var client = factory.CreateAuthorizedClient();
        await (await client.PostAsync("/api/transactions", Http.CsvBody("client_id,date,amount,currency\nT_ONLY,2026-02-01,310,EUR\nT_ONLY,2026-05-01,90,EUR\n"))).Json();

        var detail = await (await client.GetAsync("/api/clients/T_ONLY?as_of=2026-12-31")).Json();

        Assert.Equal(0, detail.GetProperty("notes").GetArrayLength());
        Assert.Equal(2, detail.GetProperty("purchases").GetProperty("transactions").GetArrayLength());
        await (await client.GetAsync("/api/clients/NEVER_SEEN")).Problem(404);
    }

    [Fact]
    public async Task Export_holds_a_client_transactions_and_erasure_removes_them()
    {
        var client = factory.CreateAuthorizedClient();
        await (await client.PostAsync("/api/predict?store=true&as_of=2026-12-31", Http.File(NoteGenerator.Csv(2, seed: 5, idPrefix: "E")))).Content.ReadAsStringAsync();
        await (await client.PostAsync("/api/transactions", Http.CsvBody("client_id,date,amount,currency\nE_0001,2026-02-01,310,EUR\nE_0001,2026-05-01,-10,EUR\n"))).Json();

        var export = await (await client.GetAsync("/api/clients/E_0001/export")).Json();
        Assert.Equal([310.0, -10.0], export.GetProperty("transactions").EnumerateArray().Select(t => t.GetProperty("amount").GetDouble()));
        Assert.Equal("EUR", export.GetProperty("transactions")[0].GetProperty("currency").GetString());

        var erased = await (await client.DeleteAsync("/api/clients/E_0001")).Json();
        Assert.Equal(2, erased.GetProperty("transactions").GetInt32());
        Assert.Empty(factory.Store.GetTransactions("E_0001"));
    }

    private static (int, int, int, int) Counts(JsonElement e) =>
        (e.GetProperty("read").GetInt32(), e.GetProperty("new").GetInt32(), e.GetProperty("duplicates").GetInt32(), e.GetProperty("clients").GetInt32());
}
