using System.Diagnostics;
using System.Text;
using Clientele.Core.Concepts;

namespace Clientele.Core.Tests.Concepts;

public class FactExtractorTests
{
    [Theory]
    [InlineData("Client wants a weekender, budget 6-8K, prefers tan leather.", 6f, 8f)]
    [InlineData("Cherche une montre pour son fils. Budget 4-6K selon finitions.", 4f, 6f)]
    [InlineData("Sucht Aktentasche, Budget etwa 7-9K, schwarz bevorzugt.", 7f, 9f)]
    [InlineData("Busca un bolso de viaje. Presupuesto 5-10K según modelo.", 5f, 10f)]
    [InlineData("Cerca una cartella in pelle, budget 3-5K, colore cognac.", 3f, 5f)]
    [InlineData("Procura uma mala de viagem, orçamento 12-15K.", 12f, 15f)]
    [InlineData("Zoekt een tas voor zijn vrouw, budget van 2-3K.", 2f, 3f)]
    [InlineData("Ищет часы в подарок жене. Бюджет 3-5K, цвет любой.", 3f, 5f)]
    [InlineData("تبحث عن حقيبة سفر. الميزانية 8-10K تقريباً.", 8f, 10f)]
    [InlineData("ご主人への贈り物。予算は3-5K。Navy preferred.", 3f, 5f)]
    [InlineData("남편 선물을 찾으심. 예산 3-5K. Black leather.", 3f, 5f)]
    [InlineData("为太太挑选手袋。预算为20-25K。Prefers gold hardware.", 20f, 25f)]
    public void Extract_BudgetRange_IsReadInEveryLanguage(string note, float low, float high)
    {
        Assert.False(AssertBudget(note, low, high).BudgetOpenEnded);
    }

    [Theory]
    [InlineData("Looking at scarves, budget around 5K.", 5f)]
    [InlineData("预算为25K。", 25f)]
    [InlineData("Wants the 25K budget spent on one statement piece.", 25f)]
    public void Extract_SingleAmount_IsPointBudget(string note, float amount)
    {
        AssertBudget(note, amount, amount);
    }

    [Theory]
    [InlineData("Combined budget 20K+ for the wedding party.", 20f)]
    [InlineData("Budget at least 10K, happy to go higher.", 10f)]
    [InlineData("Budget mindestens 12K.", 12f)]
    [InlineData("Бюджет от 15K, можно больше.", 15f)]
    [InlineData("予算は10K以上。", 10f)]
    [InlineData("예산 30K 이상.", 30f)]
    public void Extract_PlusSuffixOrFloorWord_MarksBudgetOpenEnded(string note, float floor)
    {
        Assert.True(AssertBudget(note, floor, floor).BudgetOpenEnded);
    }

    [Theory]
    [InlineData("Cadeau pour sa mère, budget de 3 000 €.", 3f)]
    [InlineData("Wants a belt and wallet, €3,000 all in.", 3f)]
    [InlineData("Quiere gastar unos 3000 euros en el regalo.", 3f)]
    [InlineData("Idée cadeau 5k€ maximum.", 5f)]
    [InlineData("Budget 2.5K for a silk scarf.", 2.5f)]
    [InlineData("Budget 2,5K pour un foulard.", 2.5f)]
    [InlineData("Full wardrobe refresh, budget 1.5M.", 1500f)]
    [InlineData("Budget 1500€, cuir noir.", 1.5f)]
    [InlineData("Budget: $5,000 for the pair.", 5f)]
    [InlineData("Budget 5.000 € für die Tasche.", 5f)]
    [InlineData("预算约3万元。", 30f)]
    public void Extract_CurrencyAndMagnitudeForms_AreConvertedToThousands(string note, float amount)
    {
        AssertBudget(note, amount, amount);
    }

    [Theory]
    [InlineData("予算は３-５K。")]
    [InlineData("予算は３～５Ｋ。")]
    [InlineData("Budget 3–5K.")]
    public void Extract_FullWidthDigitsAndDashVariants_AreNormalised(string note)
    {
        AssertBudget(note, 3f, 5f);
    }

    [Fact]
    public void Extract_AmountNextToBudgetWord_WinsOverOtherAmounts()
    {
        AssertBudget("Creator with 400K followers on Instagram, partner on TikTok 1.2M. Budget 8K for today.", 8f, 8f);
    }

    [Fact]
    public void Extract_BareAmountWithoutBudgetWord_IsTakenAsBudget()
    {
        NoteFacts facts = FactExtractor.Extract("Looking for an evening clutch in navy 10K. Hobby: sailing.");

        Assert.Equal(10f, facts.BudgetLowK);
    }

    [Theory]
    [InlineData("Client since 2020, meeting took 25 min.")]
    [InlineData("Mme Caron cherche un cadeau pour son mari 50 ans.")]
    [InlineData("Cliente desde 2015, reunión de 45 minutos, viaja 3 meses al año.")]
    [InlineData("Influencer, 400K seguidores, 2M views per month.")]
    [InlineData("Startup raised $20M last spring.")]
    [InlineData("Budget for 3 people, flexible.")]
    [InlineData("Budget flexible. Last purchase was a 5K bag.")]
    [InlineData("Budget 2026 review pending.")]
    public void Extract_YearsDurationsAgesAndAudienceCounts_AreNotBudgets(string note)
    {
        NoteFacts facts = FactExtractor.Extract(note);

        Assert.Null(facts.BudgetLowK);
        Assert.Null(facts.BudgetHighK);
        Assert.False(facts.BudgetOpenEnded);
    }

    [Fact]
    public void Extract_ReversedRange_IsReturnedLowToHigh()
    {
        AssertBudget("Budget 8-5K depending on the model.", 5f, 8f);
    }

    [Theory]
    [InlineData("Mme Girard, 45 ans, architecte.", 45)]
    [InlineData("Mr. Okafor, 38 years, first visit.", 38)]
    [InlineData("Portfolio manager aged 45, lives in Geneva.", 45)]
    [InlineData("Client age 45, travels weekly.", 45)]
    [InlineData("A 45-year-old surgeon looking for a briefcase.", 45)]
    [InlineData("Collector, 52 yo, returning client.", 52)]
    [InlineData("Meeting with Duarte, 63, who is a pilot.", 63)]
    [InlineData("Signor Neri, 58 anni, avvocato.", 58)]
    [InlineData("Sra. Prieto, 77 años, jubilada.", 77)]
    [InlineData("Herr Vogel, 49 Jahre, Zahnarzt.", 49)]
    [InlineData("Sra. Lima, 45 anos, médica.", 45)]
    [InlineData("Mevrouw de Boer, 45 jaar, notaris.", 45)]
    [InlineData("Соколова, 69 лет, пенсионерка.", 69)]
    [InlineData("Орлов, 42 года, юрист.", 42)]
    [InlineData("Волков, 21 год, студент.", 21)]
    [InlineData("السيدة منى (55 عاماً)، طبيبة.", 55)]
    [InlineData("السيد كريم (٤٠ عاما)، مهندس.", 40)]
    [InlineData("السيد سامي 33 سنة، مصرفي.", 33)]
    [InlineData("佐藤様、47歳、医師。", 47)]
    [InlineData("李先生，41岁，律师。", 41)]
    [InlineData("박님 (68세), 건축가.", 68)]
    public void Extract_Age_IsReadInEveryLanguage(string note, int age)
    {
        Assert.Equal(age, FactExtractor.Extract(note).Age);
    }

    [Theory]
    [InlineData("Mme Morel, notaire 52 ans, cherche un cadeau pour son fils 24 ans.", 52)]
    [InlineData("Couple 35-38 ans, nouveaux clients.", 35)]
    [InlineData("Signora e marito, 61 e 64 anni, clienti storici.", 61)]
    public void Extract_SeveralAges_ReturnsTheFirst(string note, int age)
    {
        Assert.Equal(age, FactExtractor.Extract(note).Age);
    }

    [Theory]
    [InlineData("Cliente fidèle depuis 20 ans, très exigeante.")]
    [InlineData("Married for 30 years, shopping for the anniversary.")]
    [InlineData("Spent 30 years in banking before retiring.")]
    [InlineData("Geschenk zum Hochzeitstag 25 Jahre.")]
    [InlineData("Regalo per i 40 anni di matrimonio.")]
    [InlineData("Son 8 years old, daughter 12 years.")]
    [InlineData("Collects watches, some over 120 years old.")]
    public void Extract_DurationsAnniversariesAndImplausibleNumbers_AreNotAges(string note)
    {
        Assert.Null(FactExtractor.Extract(note).Age);
    }

    [Fact]
    public void Extract_MixedLanguageNote_FindsBudgetAndAge()
    {
        NoteFacts facts = FactExtractor.Extract(
            "Nguyen様、36歳、Venture Capitalist。Looking for a briefcase。予算は12-15K。Gluten-free.");

        Assert.Equal(new NoteFacts(12f, 15f, false, 36), facts);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Prefers navy leather, no allergies noted.")]
    [InlineData("Budget: Flexible. No limit discussed.")]
    public void Extract_NoStatedFacts_ReturnsNulls(string note)
    {
        Assert.Equal(default, FactExtractor.Extract(note));
    }

    [Fact]
    public void Extract_Null_ReturnsDefault()
    {
        Assert.Equal(default, FactExtractor.Extract(null!));
    }

    [Fact]
    public void Extract_HugeInput_ReturnsQuicklyWithoutThrowing()
    {
        var sb = new StringBuilder();
        while (sb.Length < 100_000)
        {
            sb.Append("budget 1,000,000 45 ans 3-5K+ 予算は").Append('9', 50).Append(' ');
        }

        var clock = Stopwatch.StartNew();
        NoteFacts facts = FactExtractor.Extract(sb.ToString());
        clock.Stop();

        Assert.Equal(45, facts.Age);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    /// <summary>
    /// The patterns run without a match timeout (FactPatterns.MatchTimeout): each repeated unit below feeds the
    /// repetitions of one pattern family (grouped digits, ranges, fillers after a budget word, capitalised names before
    /// an age, relation words, approximate ages, unit-less numbers, CJK budget runs) up to the scan length. A pattern
    /// that backtracked catastrophically would never return; the bound is a hang guard, not a speed figure.
    /// </summary>
    [Theory]
    [InlineData("1,000")]
    [InlineData("1 000 000 - ")]
    [InlineData("budget de de de ")]
    [InlineData("Budget : - = ")]
    [InlineData("Mrs Anna Weber Lopez ")]
    [InlineData("Husband wife ")]
    [InlineData(", around ")]
    [InlineData("aged ans 45-")]
    [InlineData("€5K to €6K + ")]
    [InlineData("予算は5万円から")]
    [InlineData("Weber, (")]
    [InlineData("9.9,9'9 ")]
    public async Task Extract_worst_case_repetitions_up_to_the_scan_length_return(string unit)
    {
        var sb = new StringBuilder("Budget ");
        while (sb.Length < 20_000)
        {
            sb.Append(unit);
        }

        var note = sb.ToString();
        var facts = await Task.Run(() => FactExtractor.Extract(note)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(facts.BudgetLowK is null || facts.BudgetLowK <= facts.BudgetHighK);
    }

    [Theory]
    [InlineData("Budget\0 5K\0 45 ans\0")]
    [InlineData("\uD800 budget 5K \uDC00 45 ans \uD83D")]
    [InlineData("\0\0\0\0")]
    [InlineData("99999999999999999999999999999999999999999999999999999999999K")]
    public void Extract_ControlCharsSurrogatesAndOverflow_DoNotThrow(string note)
    {
        NoteFacts facts = FactExtractor.Extract(note);

        Assert.True(facts.BudgetLowK is null || facts.BudgetLowK <= facts.BudgetHighK);
    }

    [Fact]
    public void Extract_RandomNoise_NeverThrowsAndKeepsInvariants()
    {
        string[] pieces =
        [
            "budget", "Бюджет", "予算は", "预算为", "예산", "الميزانية", " ", ",", ".", "-", "~", "+", "K", "k", "M", "€", "$",
            "ans", "Jahre", "歳", "세", "عاماً", "since", "0", "1", "5", "9", "45", "３", "\0", "\uD800", "\uDFFF", "。", "\n",
        ];
        var random = new Random(20240607);
        for (int i = 0; i < 2_000; i++)
        {
            var sb = new StringBuilder();
            int count = random.Next(0, 40);
            for (int j = 0; j < count; j++)
            {
                sb.Append(pieces[random.Next(pieces.Length)]);
            }

            NoteFacts facts = FactExtractor.Extract(sb.ToString());

            Assert.Equal(facts.BudgetLowK is null, facts.BudgetHighK is null);
            Assert.True(facts.BudgetLowK is null || facts.BudgetLowK <= facts.BudgetHighK);
            Assert.True(facts.BudgetLowK is not null || !facts.BudgetOpenEnded);
            Assert.True(facts.Age is null or >= 16 and <= 110);
        }
    }

    /// <summary>Asserts the budget <see cref="FactExtractor"/> reads in <paramref name="note"/> (in thousands); returns all its facts.</summary>
    private static NoteFacts AssertBudget(string note, float low, float high)
    {
        NoteFacts facts = FactExtractor.Extract(note);

        Assert.Equal(low, facts.BudgetLowK);
        Assert.Equal(high, facts.BudgetHighK);
        return facts;
    }
}
