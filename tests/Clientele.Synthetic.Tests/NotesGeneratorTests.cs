using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Clientele.Synthetic;
using Clientele.Synthetic.Phrases;

namespace Clientele.Synthetic.Tests;

public class NotesGeneratorTests
{
    private static readonly DateOnly Start = new(2026, 1, 1);

    private sealed record Output(string Notes, string Labels, long Rows);

    private static Output Generate(GeneratorOptions options)
    {
        var notes = new StringWriter(CultureInfo.InvariantCulture);
        var labels = new StringWriter(CultureInfo.InvariantCulture);
        var rows = NotesGenerator.Write(options, notes, labels);
        return new Output(notes.ToString(), labels.ToString(), rows);
    }

    private sealed record NoteRow(string Id, string Date, string Duration, string Language, string Length, string Text);

    private sealed record LabelRow(string ClientId, int Purchased, int Churned, double LifetimeValue, double TruePurchaseProb, double ExpectedLifetimeValue);

    private static List<NoteRow> ParseNotes(string csv)
    {
        var rows = Csv.Parse(csv);
        Assert.Equal(["ID", "Date", "Duration", "Language", "Length", "Transcription"], rows[0]);
        var result = new List<NoteRow>(rows.Count - 1);
        foreach (var r in rows.Skip(1))
        {
            Assert.Equal(6, r.Length);
            result.Add(new NoteRow(r[0], r[1], r[2], r[3], r[4], r[5]));
        }

        return result;
    }

    private static List<LabelRow> ParseLabels(string csv)
    {
        var rows = Csv.Parse(csv);
        Assert.Equal(["client_id", "purchased", "churned", "lifetime_value", "true_purchase_prob", "expected_lifetime_value"], rows[0]);
        var result = new List<LabelRow>(rows.Count - 1);
        foreach (var r in rows.Skip(1))
        {
            Assert.Equal(6, r.Length);
            result.Add(new LabelRow(r[0], int.Parse(r[1], CultureInfo.InvariantCulture), int.Parse(r[2], CultureInfo.InvariantCulture),
                double.Parse(r[3], CultureInfo.InvariantCulture), double.Parse(r[4], CultureInfo.InvariantCulture),
                double.Parse(r[5], CultureInfo.InvariantCulture)));
        }

        return result;
    }

    [Fact]
    public void Same_seed_gives_byte_identical_output()
    {
        var a = Generate(new GeneratorOptions(2_000, Seed: 7));
        var b = Generate(new GeneratorOptions(2_000, Seed: 7));
        Assert.Equal(a.Notes, b.Notes, StringComparer.Ordinal);
        Assert.Equal(a.Labels, b.Labels, StringComparer.Ordinal);
        Assert.Equal(a.Rows, b.Rows);
    }

    [Fact]
    public void Different_seed_gives_different_output()
    {
        var a = Generate(new GeneratorOptions(500, Seed: 1));
        var b = Generate(new GeneratorOptions(500, Seed: 2));
        Assert.NotEqual(a.Notes, b.Notes, StringComparer.Ordinal);
        Assert.NotEqual(a.Labels, b.Labels, StringComparer.Ordinal);
    }

    [Fact]
    public void A_client_is_the_same_whatever_the_number_of_clients_generated()
    {
        var small = Generate(new GeneratorOptions(20));
        var large = Generate(new GeneratorOptions(300));
        Assert.StartsWith(small.Notes, large.Notes, StringComparison.Ordinal);
        Assert.StartsWith(small.Labels, large.Labels, StringComparison.Ordinal);
    }

    [Fact]
    public void N_clients_give_n_label_rows_and_at_least_n_note_rows()
    {
        const int n = 3_000;
        var output = Generate(new GeneratorOptions(n));
        var notes = ParseNotes(output.Notes);
        var labels = ParseLabels(output.Labels);

        Assert.Equal(n, labels.Count);
        Assert.Equal(output.Rows, notes.Count);
        Assert.True(notes.Count >= n);
        Assert.Equal(n, labels.Select(l => l.ClientId).Distinct().Count());
        Assert.Equal(labels.Select(l => l.ClientId), notes.Select(r => r.Id).Distinct());
        Assert.Equal("SYN_0000001", labels[0].ClientId);
        Assert.Equal("SYN_0003000", labels[^1].ClientId);
    }

    [Fact]
    public void Zero_clients_write_only_the_headers()
    {
        var output = Generate(new GeneratorOptions(0));
        Assert.Equal(0, output.Rows);
        Assert.Equal(NotesGenerator.NotesHeader + "\n", output.Notes);
        Assert.Equal(NotesGenerator.LabelsHeader + "\n", output.Labels);
    }

    [Fact]
    public void Every_one_of_the_twelve_languages_appears_in_1000_clients()
    {
        var notes = ParseNotes(Generate(new GeneratorOptions(1_000)).Notes);
        var seen = notes.Select(r => r.Language).ToHashSet();
        Assert.Equal(12, NotesGenerator.AllLanguages.Count);
        Assert.Equal(NotesGenerator.AllLanguages.Order(), seen.Order());
    }

    [Fact]
    public void A_languages_subset_restricts_the_languages_written()
    {
        var notes = ParseNotes(Generate(new GeneratorOptions(500, Languages: ["fr", "JA"])).Notes);
        Assert.Equal(["FR", "JA"], notes.Select(r => r.Language).Distinct().Order());
        var japanese = notes.First(r => r.Language == "JA");
        Assert.Matches(@"\p{IsHiragana}|\p{IsKatakana}|\p{IsCJKUnifiedIdeographs}", japanese.Text);
    }

    [Fact]
    public void A_single_latin_language_gets_no_sentence_in_another_script()
    {
        var notes = ParseNotes(Generate(new GeneratorOptions(2_000, Languages: ["DE"])).Notes);
        Assert.All(notes, r => Assert.DoesNotMatch(@"[\p{IsCyrillic}\p{IsArabic}\p{IsCJKUnifiedIdeographs}\p{IsHangulSyllables}]", r.Text));
    }

    [Fact]
    public void Notes_csv_parses_back_with_commas_quotes_and_newlines_intact()
    {
        var output = Generate(new GeneratorOptions(5_000, Seed: 3));
        var notes = ParseNotes(output.Notes);

        // Some notes hold all three characters that need quoting, and they survive the round trip.
        var tricky = notes.Where(r => r.Text.Contains(',') && r.Text.Contains('"') && r.Text.Contains('\n')).ToList();
        Assert.NotEmpty(tricky);
        Assert.All(tricky, r => Assert.Matches("\n[^\n]*\"[^\"]*,[^\"]*\"", r.Text));

        // Writing the parsed rows back with the same rule (quote only when needed) gives the very same file.
        var rewritten = new StringBuilder();
        rewritten.Append(NotesGenerator.NotesHeader).Append('\n');
        foreach (var r in notes)
        {
            rewritten.AppendJoin(',', [r.Id, r.Date, r.Duration, r.Language, r.Length, Csv.Quote(r.Text)]).Append('\n');
        }

        Assert.Equal(output.Notes, rewritten.ToString(), StringComparer.Ordinal);
        Assert.DoesNotContain('\r', output.Notes);
    }

    [Fact]
    public void Columns_are_well_formed_and_a_clients_notes_are_on_increasing_dates()
    {
        var options = new GeneratorOptions(3_000, Start: new DateOnly(2025, 3, 1), Days: 90);
        var notes = ParseNotes(Generate(options).Notes);
        var first = new DateOnly(2025, 3, 1);
        var last = first.AddDays(89);
        foreach (var r in notes)
        {
            Assert.Matches(@"^SYN_\d{7}$", r.Id);
            var date = DateOnly.ParseExact(r.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.InRange(date, first, last);
            Assert.Matches(@"^\d{1,2} min$", r.Duration);
            Assert.Contains(r.Length, (string[])["short", "medium", "long"]);
            Assert.False(string.IsNullOrWhiteSpace(r.Text));
            Assert.Equal(r.Text.Trim(), r.Text);
        }

        foreach (var client in notes.GroupBy(r => r.Id))
        {
            var dates = client.Select(r => r.Date).ToList();
            Assert.Equal(dates.Order(StringComparer.Ordinal).Distinct(), dates);
        }

        // All three lengths occur, and a longer text never gets a shorter label than a much shorter one.
        var byLength = notes.GroupBy(r => r.Length).ToDictionary(g => g.Key, g => g.Average(r => r.Text.Length));
        Assert.Equal(3, byLength.Count);
        Assert.True(byLength["short"] < byLength["medium"] && byLength["medium"] < byLength["long"]);
    }

    [Fact]
    public void About_multi_note_share_of_clients_get_two_to_four_notes()
    {
        var notes = ParseNotes(Generate(new GeneratorOptions(8_000, MultiNoteShare: 0.25)).Notes);
        var perClient = notes.GroupBy(r => r.Id).Select(g => g.Count()).ToList();
        Assert.All(perClient, c => Assert.InRange(c, 1, 4));
        var share = perClient.Count(c => c > 1) / (double)perClient.Count;
        Assert.InRange(share, 0.22, 0.28);

        var single = Generate(new GeneratorOptions(1_000, MultiNoteShare: 0));
        Assert.Equal(1_000, single.Rows);
    }

    [Fact]
    public void Empirical_purchase_rate_matches_true_purchase_prob_in_bins()
    {
        var labels = ParseLabels(Generate(new GeneratorOptions(20_000, Seed: 11)).Labels);
        var bins = labels.GroupBy(l => Math.Min(9, (int)(l.TruePurchaseProb * 10))).Where(g => g.Count() >= 500).ToList();
        Assert.True(bins.Count >= 5, $"only {bins.Count} bins with 500+ clients");
        foreach (var bin in bins)
        {
            var meanP = bin.Average(l => l.TruePurchaseProb);
            var rate = bin.Average(l => (double)l.Purchased);
            Assert.True(Math.Abs(rate - meanP) <= 0.05, $"bin {bin.Key}: rate {rate:F3} vs mean p {meanP:F3} over {bin.Count()} clients");
        }

        // Churn falls as p rises (churn ~ 1 − 0.8 p).
        var low = labels.Where(l => l.TruePurchaseProb <= 0.3).Average(l => (double)l.Churned);
        var high = labels.Where(l => l.TruePurchaseProb >= 0.7).Average(l => (double)l.Churned);
        Assert.True(low > high + 0.2, $"churn {low:F3} (p ≤ 0.3) vs {high:F3} (p ≥ 0.7)");
    }

    [Fact]
    public void Lifetime_value_is_its_expectation_plus_noise_with_a_floor()
    {
        var labels = ParseLabels(Generate(new GeneratorOptions(10_000, Seed: 5)).Labels);
        Assert.All(labels, l => Assert.True(l.LifetimeValue >= 500));
        Assert.All(labels, l => Assert.InRange(l.ExpectedLifetimeValue, 3_000, 3_000 + 25_000 + 12_000 + 5_000 + 20_000));
        var unfloored = labels.Where(l => l.ExpectedLifetimeValue >= 8_000).Select(l => l.LifetimeValue - l.ExpectedLifetimeValue).ToList();
        var mean = unfloored.Average();
        var sd = Math.Sqrt(unfloored.Average(d => (d - mean) * (d - mean)));
        Assert.InRange(mean, -60, 60);
        Assert.InRange(sd, 1_400, 1_600);
        Assert.All(labels, l => Assert.Equal(Math.Round(l.TruePurchaseProb, 2), l.TruePurchaseProb));
    }

    [Fact]
    public void The_label_formulas_are_the_documented_ones()
    {
        Assert.Equal(0.30, NotesGenerator.PurchaseProbability(false, false, false, false, false, false, false, 0, 0));
        Assert.Equal(0.95, NotesGenerator.PurchaseProbability(true, true, true, true, true, false, false, 20, 0));
        Assert.Equal(0.05, NotesGenerator.PurchaseProbability(false, false, false, false, false, true, true, 0, 200));
        Assert.Equal(0.35, NotesGenerator.PurchaseProbability(false, false, false, false, false, false, false, 10, 0));
        Assert.Equal(0.30, NotesGenerator.PurchaseProbability(false, false, false, false, false, false, false, 9.5, 180));
        Assert.Equal(0.20, NotesGenerator.PurchaseProbability(false, false, false, false, false, false, false, 0, 181));
        Assert.Equal(0.76, NotesGenerator.ChurnProbability(0.30, 0), 10);
        Assert.Equal(0.91, NotesGenerator.ChurnProbability(0.30, 181), 10);
        Assert.Equal(0.24, NotesGenerator.ChurnProbability(0.95, 0), 10);
        Assert.Equal(3_000 + 25_000 + 12_000 + 5_000 + 20_000, NotesGenerator.ExpectedLifetimeValue(true, true, true, 80));
        Assert.Equal(3_000 + 1_400, NotesGenerator.ExpectedLifetimeValue(false, false, false, 3.5));
    }

    /// <summary>
    /// The ground truth is recoverable from the text: reading the English phrases back (what a lexicon would do)
    /// and the dates gives every client's exact true purchase probability and expected lifetime value.
    /// </summary>
    [Fact]
    public void English_notes_carry_every_signal_of_the_labels()
    {
        var options = new GeneratorOptions(4_000, Seed: 9, Languages: ["EN"]);
        var output = Generate(options);
        var notes = ParseNotes(output.Notes);
        var labels = ParseLabels(output.Labels);
        var asOf = Start.AddDays(options.Days - 1);
        var text = notes.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(r => r.Text)));
        var lastDate = notes.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Max(r => DateOnly.ParseExact(r.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture)));

        foreach (var l in labels)
        {
            var t = text[l.ClientId];
            bool Has(params string[] phrases) => phrases.Any(p => t.Contains(p, StringComparison.Ordinal));
            var noLimit = Has("No budget limit", "Budget unlimited", "Budget is not a concern", "No budget ceiling");
            var luxury = Has("exclusive, limited-edition", "bespoke craftsmanship", "High-end taste", "exotic leather version", "Luxury client");
            var gift = Has("gift", "Gift");
            var intent = Has("Looking for a ", "Wants a ", "Interested in the new ", "Came in for a ");
            var urgency = Has("Needs it before", "Urgent, must", "Short deadline", "In a hurry");
            var hesitation = Has("Hesitates between", "Will think about it", "Undecided", "Not sure yet", "Torn between");
            var price = Has("Asked about discounts", "private sale", "Found the prices high", "Compared prices", "Asked for a discount", "Waiting for the sales");
            var budgetK = StatedBudget(t);
            var daysSince = asOf.DayNumber - lastDate[l.ClientId].DayNumber;

            var p = NotesGenerator.PurchaseProbability(noLimit, luxury, gift, intent, urgency, hesitation, price, budgetK, daysSince);
            Assert.True(p == l.TruePurchaseProb, $"{l.ClientId}: read p {p} but truth {l.TruePurchaseProb}: {t}");
            Assert.Equal(l.ExpectedLifetimeValue, NotesGenerator.ExpectedLifetimeValue(noLimit, luxury, gift, budgetK), 6);
        }
    }

    private static double StatedBudget(string text)
    {
        var m = Regex.Match(text, @"(\d+)-(\d+)K");
        if (m.Success)
        {
            return (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)) / 2.0;
        }

        m = Regex.Match(text, @"(\d+)€");
        if (m.Success)
        {
            return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) / 1000.0;
        }

        m = Regex.Match(text, @"(\d+)K\+?");
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    [Fact]
    public void Text_never_shows_template_syntax()
    {
        var notes = ParseNotes(Generate(new GeneratorOptions(6_000, Seed: 13)).Notes);
        foreach (var r in notes)
        {
            Assert.True(r.Text.IndexOfAny(['{', '}', '[', ']', '|', '~']) < 0, r.Text);
            Assert.DoesNotContain("  ", r.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("..", r.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Mixed_script_and_csv_quoting_notes_come_at_about_their_documented_rates()
    {
        var notes = ParseNotes(Generate(new GeneratorOptions(20_000, Seed: 17)).Notes);
        var withBreak = notes.Count(r => r.Text.Contains('\n')) / (double)notes.Count;
        Assert.InRange(withBreak, 0.003, 0.008);

        // In Latin-script languages any Cyrillic, Arabic, kana, Hangul or Han letter comes from a mixed sentence.
        var latin = notes.Where(r => r.Language is "EN" or "FR" or "DE" or "ES" or "IT" or "PT" or "NL").ToList();
        var mixed = latin.Count(r => Regex.IsMatch(r.Text, @"[\p{IsCyrillic}\p{IsArabic}\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}\p{IsHangulSyllables}]"));
        Assert.InRange(mixed / (double)latin.Count, 0.015, 0.045);
    }

    [Fact]
    public void Every_language_has_templates_for_every_sentence()
    {
        Assert.Equal(["EN", "FR", "DE", "ES", "IT", "PT", "NL", "RU", "AR", "JA", "KO", "ZH"], NotesGenerator.AllLanguages);
        foreach (var lang in Phrasebook.Languages)
        {
            Assert.Equal(ClientWriter.ProfessionCount, lang.Professions.Length);
            foreach (var kind in Enum.GetValues<SentenceKind>())
            {
                Assert.NotEmpty(lang.Sentences(kind));
            }
        }
    }

    [Theory]
    [InlineData("{X}")]
    [InlineData("{P")]
    [InlineData("[a|b")]
    [InlineData("[ab]")]
    [InlineData("a|b")]
    public void Bad_template_syntax_is_rejected(string source)
    {
        Assert.Throws<ArgumentException>(() => Template.Parse(source));
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        var w = TextWriter.Null;
        Assert.Throws<ArgumentOutOfRangeException>(() => NotesGenerator.Write(new GeneratorOptions(-1), w, w));
        Assert.Throws<ArgumentOutOfRangeException>(() => NotesGenerator.Write(new GeneratorOptions(1, Days: 0), w, w));
        Assert.Throws<ArgumentOutOfRangeException>(() => NotesGenerator.Write(new GeneratorOptions(1, MultiNoteShare: 1.5), w, w));
        Assert.Throws<ArgumentOutOfRangeException>(() => NotesGenerator.Write(new GeneratorOptions(1, MultiNoteShare: double.NaN), w, w));
        Assert.Throws<ArgumentException>(() => NotesGenerator.Write(new GeneratorOptions(1, Languages: ["XX"]), w, w));
        Assert.Throws<ArgumentException>(() => NotesGenerator.Write(new GeneratorOptions(1, Languages: []), w, w));
    }

    /// <summary>A strict RFC 4180 reader (LF rows): a malformed file fails the test instead of being guessed at.</summary>
    internal static class Csv
    {
        public static List<string[]> Parse(string text)
        {
            var rows = new List<string[]>();
            var row = new List<string>();
            var field = new StringBuilder();
            var i = 0;
            while (i < text.Length)
            {
                if (text[i] == '"')
                {
                    i++;
                    while (true)
                    {
                        Assert.True(i < text.Length, "unterminated quoted field");
                        if (text[i] == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"')
                            {
                                field.Append('"');
                                i += 2;
                                continue;
                            }

                            i++;
                            break;
                        }

                        field.Append(text[i++]);
                    }

                    Assert.True(i == text.Length || text[i] is ',' or '\n', $"character after closing quote at {i}");
                }
                else
                {
                    while (i < text.Length && text[i] is not (',' or '\n'))
                    {
                        Assert.True(text[i] != '"', $"quote inside an unquoted field at {i}");
                        field.Append(text[i++]);
                    }
                }

                row.Add(field.ToString());
                field.Clear();
                if (i < text.Length && text[i] == ',')
                {
                    i++;
                    continue;
                }

                rows.Add([.. row]);
                row.Clear();
                i++; // past '\n'
            }

            return rows;
        }

        public static string Quote(string value) =>
            value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
