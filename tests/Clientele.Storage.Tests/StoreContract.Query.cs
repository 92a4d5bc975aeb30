using Clientele.Storage.Store;
using Clientele.Storage.Tests.Infrastructure;

namespace Clientele.Storage.Tests;

public abstract partial class StoreContract
{
    [StoreFact]
    public void Query_filters_on_the_value_segment_of_the_latest_prediction()
    {
        Store.SaveClients(Sample.Client("A"), Sample.Client("B"), Sample.Client("C"));
        Store.SavePredictions([
            Sample.Prediction("A", Sample.T0, 50_000), Sample.Prediction("A", Sample.T0.AddDays(1), 1_000),
            Sample.Prediction("B", Sample.T0, 1_000), Sample.Prediction("B", Sample.T0.AddDays(1), 20_000),
        ]);

        var (items, total) = Store.QueryClients(new ClientQuery(ValueSegment: "VIP"));

        Assert.Equal(1, total);
        var only = Assert.Single(items);
        Assert.Equal("B", only.Client.ClientId);
        Assert.Equal(20_000, only.Latest?.Score.PredictedClv);
    }

    [StoreFact]
    public void Query_filters_on_risk_segment_ignoring_case_and_combines_filters()
    {
        Store.SaveClients(Sample.Client("A"), Sample.Client("B"), Sample.Client("C"));
        Store.SavePredictions([
            Sample.Prediction("A", Sample.T0, 20_000, churn: 0.9),
            Sample.Prediction("B", Sample.T0, 1_000, churn: 0.7),
            Sample.Prediction("C", Sample.T0, 1_000, churn: 0.1),
        ]);

        Assert.Equal(["B"], Ids(Store.QueryClients(new ClientQuery(RiskSegment: "at risk"))));
        Assert.Equal(["A"], Ids(Store.QueryClients(new ClientQuery(ValueSegment: "vip", RiskSegment: "Critical"))));
        Assert.Empty(Ids(Store.QueryClients(new ClientQuery(ValueSegment: "Low", RiskSegment: "Critical"))));
    }

    [StoreFact]
    public void Query_search_matches_id_and_name_ignoring_case_and_accents()
    {
        Store.SaveClients(
            Sample.Client("CA_001", "Mme Laurent"),
            Sample.Client("CA_002", "Mme Hélène Dubois"),
            Sample.Client("JA_007", "Hu様"),
            Sample.Client("XX_100"));

        Assert.Equal(["CA_001"], Ids(Store.QueryClients(new ClientQuery(Search: "LAURENT"))));
        Assert.Equal(["CA_002"], Ids(Store.QueryClients(new ClientQuery(Search: "helene"))));
        Assert.Equal(["CA_001", "CA_002"], Ids(Store.QueryClients(new ClientQuery(Search: "ca_0"))));
        Assert.Equal(["JA_007"], Ids(Store.QueryClients(new ClientQuery(Search: "Hu様"))));
        Assert.Equal(4, Store.QueryClients(new ClientQuery(Search: "  ")).Total);
    }

    [StoreFact]
    public void Query_search_treats_wildcards_literally_and_never_spans_id_and_name()
    {
        Store.SaveClients(Sample.Client("A_1", "100% Laurent"), Sample.Client("AB1", "Bob"));

        Assert.Equal(["A_1"], Ids(Store.QueryClients(new ClientQuery(Search: "a_1"))));
        Assert.Equal(["A_1"], Ids(Store.QueryClients(new ClientQuery(Search: "100%"))));
        Assert.Equal(["A_1"], Ids(Store.QueryClients(new ClientQuery(Search: "%"))));
        Assert.Empty(Ids(Store.QueryClients(new ClientQuery(Search: "1 bob"))));
    }

    [StoreFact]
    public void Query_pages_by_clv_descending_then_id_and_reports_the_total()
    {
        string[] ids = ["C05", "C01", "C04", "C02", "C03", "C06", "C07"];
        Store.SaveClients(ids.Select(id => Sample.Client(id)).ToArray());
        Store.SavePredictions(ids.Select((id, i) => Sample.Prediction(id, Sample.T0, i < 2 ? 9_000 : 1_000 * i)).ToList());

        var pages = Enumerable.Range(1, 4).Select(page => Store.QueryClients(new ClientQuery(Page: page, PageSize: 3))).ToList();

        // CLV: C07 6000, C06 5000, C03 4000, C02 3000, C04 2000; C01 and C05 tie at 9000, so id decides.
        Assert.Equal(["C01", "C05", "C07"], Ids(pages[0]));
        Assert.Equal(["C06", "C03", "C02"], Ids(pages[1]));
        Assert.Equal(["C04"], Ids(pages[2]));
        Assert.Empty(Ids(pages[3]));
        Assert.All(pages, p => Assert.Equal(7, p.Total));
    }

    [StoreFact]
    public void Query_lists_clients_never_scored_or_without_clv_last()
    {
        Store.SaveClients(Sample.Client("A"), Sample.Client("B"), Sample.Client("C"));
        var noClv = Sample.Prediction("C", Sample.T0, double.NaN);
        Store.SavePredictions([Sample.Prediction("B", Sample.T0, 10), noClv]);

        var (items, total) = Store.QueryClients(new ClientQuery());

        Assert.Equal(3, total);
        Assert.Equal(["B", "A", "C"], items.Select(i => i.Client.ClientId));
        Assert.Null(items.Single(i => i.Client.ClientId == "A").Latest);
        Assert.Equal(noClv, items.Single(i => i.Client.ClientId == "C").Latest);
    }

    [StoreFact]
    public void Query_rejects_a_page_or_page_size_below_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Store.QueryClients(new ClientQuery(Page: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Store.QueryClients(new ClientQuery(PageSize: 0)));
    }

    private static string[] Ids((IReadOnlyList<ClientSummary> Items, int Total) result) =>
        result.Items.Select(i => i.Client.ClientId).ToArray();
}
