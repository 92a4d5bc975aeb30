namespace Clientele.Core.Lexicon;

/// <summary>Writes a lexicon in the format <see cref="LexiconCsv"/> reads (bundles carry their lexicon this way).</summary>
public static class LexiconCsvWriter
{
    public static void Write(ConceptLexicon lexicon, TextWriter writer)
    {
        writer.Write("concept_id,label,aliases,languages,category\n");
        foreach (var c in lexicon.Concepts)
        {
            writer.Write(Quote(c.Id));
            writer.Write(',');
            writer.Write(Quote(c.Label));
            writer.Write(',');
            writer.Write(Quote(string.Join('|', c.Aliases)));
            writer.Write(",,");
            writer.Write(Quote(c.Category));
            writer.Write('\n');
        }
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
