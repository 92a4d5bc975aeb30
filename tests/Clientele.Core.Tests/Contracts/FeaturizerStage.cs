using Clientele.Core.Features;

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
}
