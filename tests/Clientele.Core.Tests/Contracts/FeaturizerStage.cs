using Clientele.Core.Features;
using Clientele.Core.History;
using Clientele.Core.Ingest;

namespace Clientele.Core.Tests.Contracts;

/// <summary>A tier's fitted featurizer under the stage contract: its feature rows for probe clients.</summary>
public static class FeaturizerStage
{
    /// <summary>The featurizer of <paramref name="tier"/>, fitted on generated clients.</summary>
    public static FittedStage Of(Tier tier)
    {
        var lexicon = TestData.Lexicon();
        var probe = TestData.Profiles(40, seed: 9, lexicon: lexicon);
        return new FittedStage<IReadOnlyList<Profiles.ClientProfile>, Featurizer>(
            $"featurizer ({tier.ToString().ToLowerInvariant()})",
            () => TestData.Profiles(150, lexicon: lexicon),
            (profiles, _) => FeaturizerOptions.For(tier).Fit(profiles, lexicon),
            featurizer => FeatureMatrix.Build(featurizer, probe, null).SelectMany(r => r).Select(v => (double)v).ToArray(),
            profiles => System.Text.Json.JsonSerializer.Serialize(profiles))
        {
            Save = featurizer => StageBytes.Of(featurizer.Save),
            Load = (featurizer, bytes) => Featurizer.Load(new MemoryStream(bytes), featurizer.Lexicon),
            Newer = StageBytes.NewerJson,
            BadInput = () => Assert.Throws<Errors.ClienteleInputException>(() => Featurizer.Load(new MemoryStream("{ not json"u8.ToArray()), lexicon)),
        };
    }

    /// <summary>
    /// The Fast featurizer with the purchase block and the transaction column block (a categorical column of the
    /// transactions, levels fitted on every client), its rows read from the ledger of the same file.
    /// </summary>
    public static FittedStage WithTransactionColumns()
    {
        var lexicon = TestData.Lexicon();
        var asOf = new DateOnly(2026, 12, 31);
        return new FittedStage<TransactionFile, (Featurizer Featurizer, PurchaseLedger Ledger)>(
            "featurizer (fast, transaction columns)",
            () => History.TransactionColumnsTests.Generate(150, seed: 5).File,
            (file, _) =>
            {
                var ledger = PurchaseLedger.From(file.Transactions, file.Details);
                var schema = Core.Columns.TransactionColumnFitter.Fit(ledger, _ => true, asOf)!;
                var featurizer = FeaturizerOptions.Fast.Fit([new Profiles.ClientProfile("x")], lexicon, asOf)
                    .WithPurchases(BtydState.Fit(ledger, asOf, new PurchaseWindows())).WithPurchaseColumns(schema);
                return (featurizer, ledger);
            },
            fitted => FeatureMatrix.Build(fitted.Featurizer, fitted.Ledger.ClientIds.Take(40).Select(id => new Profiles.ClientProfile(id)).ToList(), fitted.Ledger, asOf)
                .SelectMany(r => r).Select(v => (double)v).ToArray(),
            file => string.Join('\n', file.Transactions.Select((t, i) => t + string.Concat(Enumerable.Range(0, file.Details.Names.Count).Select(c => "," + file.Details.Value(c, i))))))
        {
            Save = fitted => StageBytes.Of(fitted.Featurizer.Save),
            Load = (fitted, bytes) => (Featurizer.Load(new MemoryStream(bytes), fitted.Featurizer.Lexicon), fitted.Ledger),
            Newer = StageBytes.NewerJson,
            // Extra columns that are not the transactions' rows are refused: the shares would be another client's.
            BadInput = () =>
            {
                var file = History.TransactionColumnsTests.Generate(20, seed: 6).File;
                Assert.Throws<ArgumentException>(() => PurchaseLedger.From(file.Transactions.Take(3), file.Details));
            },
        };
    }
}
