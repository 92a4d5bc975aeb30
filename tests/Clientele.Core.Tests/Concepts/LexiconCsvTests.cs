using Clientele.Core.Errors;
using Clientele.Core.Ingest;
using Clientele.Core.Lexicon;

namespace Clientele.Core.Tests.Concepts;

public class LexiconCsvTests
{
    [Fact]
    public void Reference_format_with_rule_bucket_is_read()
    {
        const string csv = "concept_id,label,aliases,languages,freq_notes,examples,rule\nC1,gift,gift|cadeau|礼物,EN|FR|ZH,3,X,bucket=occasion\n";
        var lexicon = LexiconCsv.Load(new StringReader(csv), "l.csv");
        var c = Assert.Single(lexicon.Concepts);
        Assert.Equal(["gift", "cadeau", "礼物"], c.Aliases);
        Assert.Equal("occasion", c.Category);
    }

    [Fact]
    public void Empty_and_one_letter_aliases_and_duplicate_ids_are_reported_not_loaded()
    {
        var report = new IngestReport("l.csv");
        const string csv = "concept_id,label,aliases\nA,a,x|\nB,b,bag|b\nB,b2,other\n";
        var lexicon = LexiconCsv.Load(new StringReader(csv), "l.csv", report);
        Assert.Equal(["bag"], Assert.Single(lexicon.Concepts).Aliases);
        Assert.Equal(2, report.Rejected);
    }

    [Fact]
    public void A_lexicon_with_no_usable_concept_is_an_error()
    {
        Assert.Throws<ClienteleInputException>(() => LexiconCsv.Load(new StringReader("concept_id,label,aliases\nA,a,x\n"), "l.csv"));
    }

    [Fact]
    public void Writing_then_reading_keeps_the_fingerprint()
    {
        var lexicon = TestData.Lexicon();
        var w = new StringWriter();
        LexiconCsvWriter.Write(lexicon, w);
        var back = LexiconCsv.Load(new StringReader(w.ToString()), "test");
        Assert.Equal(lexicon.Fingerprint, back.Fingerprint);
    }
}
