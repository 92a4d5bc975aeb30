using System.Text;

namespace Clientele.Cli.Tests.Mistakes;

/// <summary>Runs every case of <see cref="MistakesCorpus"/>: its exit code, its message, one error line, no output published.</summary>
public sealed class MistakesTests(CliFixture data) : IClassFixture<CliFixture>
{
    public static TheoryData<string> Names() => [.. MistakesCorpus.Cases().Select(c => c.Name)];

    [Fact]
    public void The_corpus_has_at_least_fifty_cases_with_distinct_names()
    {
        var names = MistakesCorpus.Cases().Select(c => c.Name).ToList();
        Assert.True(names.Count >= 50, $"{names.Count} cases");
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_mistake_exits_2_with_one_error_line_naming_it(string name)
    {
        var c = MistakesCorpus.Cases().Single(x => x.Name == name);
        var dir = data.PathOf("mistake-" + Math.Abs(StringComparer.Ordinal.GetHashCode(name)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        foreach (var (file, content) in c.Files)
        {
            var path = Path.Combine(dir, file);
            if (content is byte[] bytes)
            {
                File.WriteAllBytes(path, bytes);
            }
            else
            {
                File.WriteAllText(path, (string)content, new UTF8Encoding(false));
            }
        }

        foreach (var (file, rows) in c.LabelSubsets)
        {
            File.WriteAllLines(Path.Combine(dir, file), File.ReadLines(data.Labels).Take(rows + 1));
        }

        var args = c.Args.Select(a => a.Replace("{dir}", dir, StringComparison.Ordinal).Replace("{notes}", data.Notes, StringComparison.Ordinal)
            .Replace("{labels}", data.Labels, StringComparison.Ordinal)).ToArray();
        var (exit, stdout, stderr) = ClienteleApp.RunCaptured([.. args]);
        Assert.True(exit == c.Exit, $"{name}: exit {exit}\n{stderr}");
        Assert.Contains(c.Fragment, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", stderr.Replace("unexpected argument", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        foreach (var output in c.NotWritten)
        {
            Assert.False(File.Exists(Path.Combine(dir, output)) || Directory.Exists(Path.Combine(dir, output)), $"{name}: {output} was written");
        }

        _ = stdout;
    }
}
