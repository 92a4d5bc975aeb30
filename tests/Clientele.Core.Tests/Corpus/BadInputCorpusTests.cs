using Clientele.Core.Concepts;
using Clientele.Core.Errors;
using Clientele.Core.Ingest;
using Clientele.Core.Labels;
using Clientele.Core.Lexicon;

namespace Clientele.Core.Tests.Corpus;

public class BadInputCorpusTests
{
    [Fact]
    public void The_corpus_has_at_least_forty_inputs() => Assert.True(BadInputCorpus.All().Count() >= 40);

    [Theory]
    [MemberData(nameof(BadInputCorpus.All), MemberType = typeof(BadInputCorpus))]
    public void Every_bad_input_gets_its_documented_result(BadInput input)
    {
        var report = new IngestReport(input.Name);
        Exception? error = null;
        long accepted = 0;

        // An outcome with rejected rows is what --max-bad-rows 100% gives; without it they are an error (NotesCsvStrictTests).
        var allowance = input.Expected is Outcome.Processed { Rejected: > 0 } ? RowAllowance.Share(100) : RowAllowance.None;
        try
        {
            using var reader = CsvInput.OpenText(new MemoryStream(input.Bytes));
            switch (input.Kind)
            {
                case "notes":
                    accepted = NotesCsv.ReadAll(reader, input.Name, report, new NotesCsvOptions { MaxBadRows = allowance }).Count;
                    break;
                case "labels":
                    accepted = LabelsCsv.Read(reader, input.Name, report, allowance).ByClient.Count;
                    break;
                default:
                    var lexicon = LexiconCsv.Load(reader, input.Name, report);
                    accepted = lexicon.Concepts.Count;
                    _ = ConceptMatcher.Build(lexicon).Match("alias3x7 包 ok");
                    break;
            }
        }
        catch (ClienteleInputException e)
        {
            error = e;
        }

        switch (input.Expected)
        {
            case Outcome.Failure(var fragment):
                Assert.True(error is not null, $"expected an error containing '{fragment}', got {accepted} accepted");
                Assert.Contains(fragment, error.Message, StringComparison.OrdinalIgnoreCase);
                Assert.StartsWith(input.Name, error.Message, StringComparison.Ordinal);
                break;
            case Outcome.Processed(var ok, var rejected, var warnings):
                Assert.True(error is null, error?.Message);
                Assert.Equal(ok, accepted);
                Assert.Equal(rejected, report.Rejected);
                if (warnings > 0)
                {
                    Assert.Equal(warnings, report.Warnings);
                }

                Assert.All(report.Issues.Where(i => !i.Reason.StartsWith("warning", StringComparison.Ordinal)), i => Assert.True(i.Line >= 1));
                break;
        }
    }

    [Fact]
    public void Csv_written_by_clientele_neutralises_formula_cells()
    {
        var w = new StringWriter();
        Scoring.ScoresCsv.Write(w, [new Scoring.ClientScore("=HYPERLINK(\"http://x\")", 0.5, true, 0.1, false, 100, "Low", "Safe", "@SUM(A1)")]);
        var line = w.ToString().Split('\n')[1];
        Assert.StartsWith("\"'=HYPERLINK(", line, StringComparison.Ordinal);
        Assert.Contains(",'@SUM(A1)", line, StringComparison.Ordinal);
    }
}
