using Clientele.Core.Evaluation;
using Clientele.Core.Labels;
using Clientele.Core.Text;

namespace Clientele.Cli.Tests;

/// <summary>Issue 14 behaviours pinned at the command line: compare's noise-aware verdict, formula-safe CSV, outputs.</summary>
public class Issue14Tests(CliFixture data) : IClassFixture<CliFixture>
{
    [Fact]
    public void Paired_bootstrap_of_identical_models_is_within_noise_and_of_a_perfect_model_is_not()
    {
        var random = new Random(3);
        var y = Enumerable.Range(0, 200).Select(i => (double)(i % 2)).ToArray();
        var coin = y.Select(_ => random.NextDouble()).ToArray();
        var same = PairedBootstrap.Compare(Target.Purchased, coin, coin, y, seed: 1);
        Assert.All(same, d => Assert.True(d.WithinNoise, d.Metric));
        var perfect = y.Select(v => v > 0.5 ? 0.95 : 0.05).ToArray();
        var better = PairedBootstrap.Compare(Target.Purchased, coin, perfect, y, seed: 1);
        Assert.All(better, d => Assert.True(d.Low > 0, d.Metric));
    }

    [Theory]
    [InlineData("x;=cmd|'/C calc'!A0;")]
    [InlineData("=1+1")]
    [InlineData("a,@SUM(A1)")]
    [InlineData("b\t+x")]
    public void No_split_of_a_written_text_cell_on_comma_semicolon_or_tab_starts_a_formula(string id)
    {
        var cell = CsvCell.Text(id);
        foreach (var piece in cell.Split([',', ';', '\t']))
        {
            var p = piece.TrimStart('"');
            Assert.False(p.Length > 0 && p[0] is '=' or '+' or '-' or '@', $"{cell} gives the piece {piece}");
        }
    }

    [Fact]
    public void Numbers_stay_numbers_in_a_csv_cell()
    {
        Assert.Equal("-5", CsvCell.Text("-5"));
        Assert.Equal("+3.2", CsvCell.Text("+3.2"));
    }

    [Fact]
    public void Detect_writes_a_formula_id_so_that_no_split_starts_a_formula()
    {
        File.WriteAllText(data.PathOf("formula.csv"), "client_id,date,text\n\"x;=cmd|'/C calc'!A0;\",2026-01-01,Cliente médecin aime le cuir noir et les sacs\n");
        RunOk("detect", "--notes", data.PathOf("formula.csv"), "--out", data.PathOf("formula.out.csv"));
        foreach (var line in File.ReadAllLines(data.PathOf("formula.out.csv")))
        {
            Assert.DoesNotContain(line.Split([',', ';', '\t']), p => p.TrimStart('"') is { Length: > 0 } q && q[0] is '=' or '@');
        }
    }

    [Fact]
    public void Detect_to_dev_null_leaves_it_a_device()
    {
        RunOk("detect", "--notes", data.Notes, "--out", "/dev/null");
        using var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", "-c %F /dev/null") { RedirectStandardOutput = true })!;
        Assert.Equal("character special file", stat.StandardOutput.ReadToEnd().Trim());
    }

    [Fact]
    public void Detect_writes_through_a_symlink_and_keeps_it()
    {
        var target = data.PathOf("real.csv");
        File.WriteAllText(target, "old");
        var link = data.PathOf("link.csv");
        File.CreateSymbolicLink(link, target);
        RunOk("detect", "--notes", data.Notes, "--out", link);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.StartsWith("client_id,", File.ReadAllText(target));
    }

    [Fact]
    public void An_unwritable_out_is_exit_2_with_one_plain_line()
    {
        var (exit, _, err) = Run("detect", "--notes", data.Notes, "--out", "/proc/nope/x.csv");
        Assert.Equal(2, exit);
        Assert.Single(err.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public void A_db_that_is_no_connection_string_is_exit_2_with_one_plain_line()
    {
        var (exit, _, err) = Run("predict", "--notes", data.Notes, "--model", data.PathOf("none"), "--db", "nonsense", "--out", data.PathOf("p.csv"));
        Assert.Equal(2, exit);
        Assert.DoesNotContain("unexpected", err);
        Assert.DoesNotContain("   at ", err);
    }
}
