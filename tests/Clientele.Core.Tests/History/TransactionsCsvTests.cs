using Clientele.Core.Errors;
using Clientele.Core.History;
using Clientele.Core.Ingest;

namespace Clientele.Core.Tests.History;

public class TransactionsCsvTests
{
    private static (List<Transaction> Transactions, IngestReport Report) Read(string csv, TransactionsCsvOptions? options = null)
    {
        var report = new IngestReport("t.csv");
        return (TransactionsCsv.ReadAll(new StringReader(csv), "t.csv", report, options), report);
    }

    [Fact]
    public void Iso_dates_datetimes_and_compact_dates_are_read_and_headers_are_case_insensitive()
    {
        var (tx, report) = Read("Customer_ID,DATE,Amount\nA,2026-01-02,10.5\nA,2026-01-03T14:30:00,-2\nB,20260104,1e2\n");
        Assert.Equal(3, report.Accepted);
        Assert.Equal([new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 3), new DateOnly(2026, 1, 4)], tx.Select(t => t.Date));
        Assert.Equal([10.5, -2, 100], tx.Select(t => t.Amount));
        Assert.Equal(2, tx[1].Line + 0 - 1);
    }

    [Fact]
    public void An_id_column_override_is_used()
    {
        var (tx, _) = Read("shopper,date,amount\nZ,2026-01-02,1\n", new TransactionsCsvOptions { IdColumn = "shopper" });
        Assert.Equal("Z", Assert.Single(tx).ClientId);
    }

    [Fact]
    public void A_non_numeric_amount_is_rejected_with_line_column_and_reason()
    {
        var (tx, report) = Read("client_id,date,amount\nA,2026-01-02,10\nB,2026-01-02,ten\n");
        Assert.Single(tx);
        var issue = Assert.Single(report.Issues);
        Assert.Equal((3L, (int?)3), (issue.Line, issue.Column));
        Assert.Contains("'ten' is not a number", issue.Reason);
    }

    [Fact]
    public void A_date_before_1900_a_bad_date_and_a_blank_id_are_rejected()
    {
        var (_, report) = Read("client_id,date,amount\nA,1897-05-01,10\nB,2026-13-01,5\n,2026-01-01,5\nC,2026-01-01,5\n");
        Assert.Equal(3, report.Rejected);
        Assert.Contains("before 1900", report.Issues[0].Reason);
        Assert.Equal(2, report.Issues[0].Column);
        Assert.Contains("not a date", report.Issues[1].Reason);
        Assert.Equal((4L, (int?)1), (report.Issues[2].Line, report.Issues[2].Column));
    }

    [Fact]
    public void A_decimal_comma_is_an_error_unless_the_option_says_so()
    {
        const string csv = "client_id,date,amount\nA,2026-01-02,\"1.234,56\"\n";
        var report = new IngestReport("t.csv");
        var e = Assert.Throws<ClienteleInputException>(() => TransactionsCsv.ReadAll(new StringReader(csv), "t.csv", report));
        Assert.Contains("decimal comma", report.Issues[0].Reason);
        Assert.Contains("decimal comma", e.Message);
        var (tx, _) = Read(csv, new TransactionsCsvOptions { DecimalComma = true });
        Assert.Equal(1234.56, Assert.Single(tx).Amount, 9);
    }

    [Fact]
    public void Mixed_currencies_without_rates_are_refused_naming_them()
    {
        var e = Assert.Throws<ClienteleInputException>(() => Read("client_id,date,amount,currency\nA,2026-01-02,10,EUR\nB,2026-01-02,5,usd\n"));
        Assert.Contains("EUR", e.Message);
        Assert.Contains("USD", e.Message);
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void Mixed_currencies_with_rates_are_converted_to_the_base()
    {
        var rates = new Dictionary<string, double> { ["EUR"] = 1.0, ["USD"] = 0.9 };
        var (tx, _) = Read("client_id,date,amount,currency\nA,2026-01-02,10,EUR\nB,2026-01-02,5,usd\n", new TransactionsCsvOptions { FxRates = rates });
        Assert.Equal([10, 4.5], tx.Select(t => t.Amount));
    }

    [Fact]
    public void A_repeated_identical_order_is_merged_and_counted()
    {
        var (tx, report) = Read("client_id,date,amount,order_id,product\nA,2026-01-02,10,o1,bag\nA,2026-01-02,10,o1,bag\nA,2026-01-03,4,o2,scarf\n");
        Assert.Equal(2, tx.Count);
        Assert.Equal(1, report.Warnings);
        Assert.Contains("repeats line 2", report.Issues[0].Reason);
    }

    [Fact]
    public void A_repeated_order_with_different_content_is_an_error_naming_both_lines()
    {
        var e = Assert.Throws<ClienteleInputException>(() => Read("client_id,date,amount,order_id,product\nA,2026-01-02,10,o1,bag\nB,2026-01-03,4,o2,scarf\nA,2026-01-02,10,o1,belt\n"));
        Assert.Equal(4, e.Line);
        Assert.Contains("line 2", e.Detail);
        Assert.Contains("'o1'", e.Detail);
    }

    [Fact]
    public void A_file_without_an_amount_column_names_line_1()
    {
        var e = Assert.Throws<ClienteleInputException>(() => Read("client_id,date\nA,2026-01-02\n"));
        Assert.Equal(1, e.Line);
        Assert.Contains("amount", e.Message);
    }
}
