using Clientele.Cli.Commands;
using Clientele.Synthetic;

namespace Clientele.Cli.Tests;

/// <summary>The help of <c>generate</c> names what a user must know: the seed's meaning, the 12 language codes, the required --out.</summary>
public class GenerateHelpTests
{
    [Fact]
    public void The_language_codes_in_the_help_are_the_generators_own()
    {
        Assert.Equal(GenerateSettings.LanguageCodes, string.Join(", ", NotesGenerator.AllLanguages));
    }

    [Fact]
    public void Help_describes_seed_languages_and_marks_out_required()
    {
        var (exit, stdout, _) = ClienteleApp.RunCaptured("generate", "--help");
        Assert.Equal(0, exit);
        var help = string.Join(' ', stdout.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("byte-identical", help, StringComparison.Ordinal);
        Assert.Contains("EN, FR, DE, ES, IT, PT, NL, RU, AR, JA, KO, ZH", help, StringComparison.Ordinal);
        Assert.Contains("transactions.csv. (required)", help, StringComparison.Ordinal);
    }
}
