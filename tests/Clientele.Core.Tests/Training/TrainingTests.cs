using Clientele.Core.Bundles;
using Clientele.Core.Errors;
using Clientele.Core.Evaluation;
using Clientele.Core.Features;
using Clientele.Core.Labels;
using Clientele.Core.Scoring;
using Clientele.Core.Training;

namespace Clientele.Core.Tests.Training;

public class TrainingTests
{
    private static readonly int[] BatchSizes = [103, 40, 150, 7];

    private static TrainedModel Train(Tier tier, int clients = 400, int seed = 42)
    {
        var lexicon = TestData.Lexicon();
        var profiles = TestData.Profiles(clients, lexicon: lexicon);
        var labels = SmartLabeler.Label(profiles, lexicon, seed);
        return Trainer.Train(profiles, lexicon, labels, null, new TrainingOptions { Tier = tier, Seed = seed });
    }

    [Fact]
    public void Platt_calibration_makes_probabilities_match_frequencies()
    {
        // Scores are a monotone distortion of known probabilities; Platt must undo it.
        var random = new Random(3);
        var n = 20000;
        var scores = new float[n];
        var labels = new float[n];
        for (var i = 0; i < n; i++)
        {
            var p = random.NextDouble();
            scores[i] = (float)(3 * Math.Log(p / (1 - p)));
            labels[i] = random.NextDouble() < p ? 1 : 0;
        }

        var platt = PlattCalibrator.Fit(scores, labels);
        var near07 = Enumerable.Range(0, n).Where(i => Math.Abs(platt.Apply(scores[i]) - 0.7) < 0.03).ToList();
        Assert.True(near07.Count > 300);
        Assert.InRange(near07.Average(i => labels[i]), 0.65, 0.75);
    }

    [Fact]
    public void Soft_voting_is_the_weighted_mean_of_member_probabilities_with_weights_summing_to_one()
    {
        var trained = Train(Tier.Elite, 300);
        var model = trained.Models[Target.Purchased];
        Assert.Equal(3, model.Members.Count);
        var lexicon = TestData.Lexicon();
        var rows = FeatureMatrix.Build(trained.Featurizer, TestData.Profiles(50, seed: 9, lexicon: lexicon), null);
        var outputs = model.Members.Select(m => model.MemberOutput(m, rows)).ToList();
        var combined = model.Predict(rows);
        var weights = model.Members.Select(m => m.Weight).ToList();
        Assert.All(weights, w => Assert.InRange(w, 0, 1));
        Assert.Equal(1, weights.Sum(), 9);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(outputs.Select((o, m) => weights[m] * o[i]).Sum(), combined[i], 9);
        }
    }

    [Theory]
    [InlineData(Tier.Fast)]
    [InlineData(Tier.Elite)]
    public void Scoring_in_small_batches_with_reused_row_buffers_equals_one_batch(Tier tier)
    {
        var trained = Train(tier, 300);
        var profiles = TestData.Profiles(103, seed: 8, lexicon: trained.Featurizer.Lexicon);
        var bundle = Bundle(trained);
        var whole = new Scorer(bundle).Score(profiles);
        var batched = new Scorer(bundle) { BatchSize = 10 }.Score(profiles);   // 10 full batches, then 3 rows in reused buffers
        Assert.Equal(whole, batched);
        var streamed = new Scorer(bundle) { BatchSize = 10 }.ScoreInBatches(profiles, null, null).ToList();
        Assert.Equal([.. Enumerable.Repeat(10, 10), 3], streamed.Select(b => b.Count));
        Assert.Equal(whole, streamed.SelectMany(b => b));
    }

    [Fact]
    public void One_scorer_reused_across_calls_of_any_size_and_from_many_threads_scores_as_a_fresh_one()
    {
        var trained = Train(Tier.Fast, 300);
        var bundle = Bundle(trained);
        var sets = BatchSizes.Select((n, k) => TestData.Profiles(n, seed: 20 + k, lexicon: trained.Featurizer.Lexicon)).ToArray();
        var fresh = sets.Select(p => new Scorer(bundle).Score(p)).ToArray();
        var shared = new Scorer(bundle);
        for (var k = 0; k < sets.Length; k++)
        {
            Assert.Equal(fresh[k], shared.Score(sets[k]));   // the spare buffers from the previous call are longer or shorter
        }

        var concurrent = new List<ClientScore>[16];
        Parallel.For(0, concurrent.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => concurrent[i] = shared.Score(sets[i % sets.Length]));
        for (var i = 0; i < concurrent.Length; i++)
        {
            Assert.Equal(fresh[i % sets.Length], concurrent[i]);
        }
    }

    [Fact]
    public void Same_data_and_seed_give_identical_predictions()
    {
        var a = Train(Tier.Fast);
        var b = Train(Tier.Fast);
        var profiles = TestData.Profiles(100, seed: 5, lexicon: a.Featurizer.Lexicon);
        var sa = new Scorer(Bundle(a)).Score(profiles);
        var sb = new Scorer(Bundle(b)).Score(profiles);
        Assert.Equal(sa.Count, sb.Count);
        for (var i = 0; i < sa.Count; i++)
        {
            Assert.True(sa[i] == sb[i], $"client {i}: {sa[i]} vs {sb[i]}");
        }
    }

    [Fact]
    public void Elite_weights_calibration_and_scores_do_not_depend_on_the_thread_count()
    {
        var lexicon = TestData.Lexicon();
        var profiles = TestData.Profiles(300, lexicon: lexicon);
        var labels = SmartLabeler.Label(profiles, lexicon, 42);
        TrainedModel With(int threads) => Trainer.Train(profiles, lexicon, labels, null, new TrainingOptions { Tier = Tier.Elite, Seed = 42, Parallelism = threads });
        var one = With(1);
        var four = With(4);
        foreach (var target in one.Models.Keys)
        {
            var a = one.Models[target].Members;
            var b = four.Models[target].Members;
            Assert.Equal(a.Select(m => m.Weight), b.Select(m => m.Weight));
            Assert.Equal(a.Select(m => m.Calibration), b.Select(m => m.Calibration));
        }

        var scoring = TestData.Profiles(80, seed: 6, lexicon: lexicon);
        Assert.True(new Scorer(Bundle(one)).Score(scoring).SequenceEqual(new Scorer(Bundle(four)).Score(scoring)), "scores differ between 1 and 4 threads");
    }

    [Fact]
    public void The_model_learns_the_signal_behind_smart_labels()
    {
        var trained = Train(Tier.Fast, 800);
        var r = trained.Report.Targets[Target.LifetimeValue];
        Assert.True(r.Metrics.R2 > 0.5, $"R² {r.Metrics.R2}");
        Assert.True(r.Metrics.R2 > r.Baseline.R2);
        Assert.NotNull(r.BestPossible);
    }

    [Fact]
    public void Reasons_point_at_the_concept_that_drives_the_label()
    {
        var trained = Train(Tier.Fast, 800);
        var lexicon = trained.Featurizer.Lexicon;
        var profiles = Core.Profiles.ProfileBuilder.FromNotes(Core.Concepts.ConceptMatcher.Build(lexicon),
            TestData.NotesCsv("ID,Transcription\nVIP,no budget limit. plays golf.\n"));
        var score = Assert.Single(new Scorer(Bundle(trained)).Score(profiles));
        var value = score.Reasons.Split("; ").Single(p => p.StartsWith("value:", StringComparison.Ordinal));
        Assert.StartsWith("value: + no-limit budget", value, StringComparison.Ordinal);
    }

    [Fact]
    public void Bundle_save_then_load_gives_identical_scores()
    {
        var trained = Train(Tier.Elite, 300);
        var bundle = Bundle(trained);
        var memory = new MemoryBundle();
        bundle.Save(memory);
        var loaded = ModelBundle.Load(memory);
        var profiles = TestData.Profiles(60, seed: 11, lexicon: trained.Featurizer.Lexicon);
        var a = new Scorer(bundle).Score(profiles);
        var b = new Scorer(loaded).Score(profiles);
        Assert.True(a.SequenceEqual(b), "scores differ after save/load");
    }

    [Fact]
    public void A_bundle_without_the_saved_matcher_builds_it_and_matches_and_scores_the_same()
    {
        var trained = Train(Tier.Fast, 200);
        var memory = new MemoryBundle();
        Bundle(trained).Save(memory);
        var older = new MemoryBundle();
        foreach (var (name, bytes) in memory.Parts.Where(p => p.Key != ModelBundle.MatcherFile))
        {
            using var s = older.Create(name);
            s.Write(bytes);
        }

        Assert.True(memory.Exists(ModelBundle.MatcherFile));
        var withPart = ModelBundle.Load(memory);
        var withoutPart = ModelBundle.Load(older);
        var profiles = TestData.Profiles(60, seed: 12, lexicon: trained.Featurizer.Lexicon);
        Assert.True(new Scorer(withPart).Score(profiles).SequenceEqual(new Scorer(withoutPart).Score(profiles)), "scores differ without the saved matcher");
        const string note = "Mme Laurent cherche un sac pour l'anniversaire de sa fille, budget 5K, pas de cuir exotique.";
        Assert.Equal(withoutPart.Matcher.Match(note), withPart.Matcher.Match(note));
    }

    [Fact]
    public void A_bundle_opened_while_every_pool_thread_is_blocked_still_gives_its_matcher()
    {
        var memory = new MemoryBundle();
        Bundle(Train(Tier.Fast, 200)).Save(memory);
        // More blocked work items than the pool has threads, queued ahead of anything the opening queues: a matcher
        // that waited on a pool task would wait until the pool had injected a thread per blocker (about 2 a second).
        // Not disposed: blockers the pool starts after the test still read it (set by then, so they return at once).
        var release = new ManualResetEventSlim();
        var blockers = (Environment.ProcessorCount * 4) + 32;
        for (var i = 0; i < blockers; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(_ => release.Wait(), null);
        }

        try
        {
            var opened = new ManualResetEventSlim();
            Core.Concepts.ConceptMatcher? matcher = null;
            Exception? failure = null;
            var opener = new Thread(() =>
            {
                try
                {
                    matcher = ModelBundle.Open(memory).Matcher;
                }
                catch (Exception e)
                {
                    failure = e;
                }

                opened.Set();
            });
            opener.Start();
            // A bound on a hang, not a speed: opening this bundle takes well under a second.
            Assert.True(opened.Wait(TimeSpan.FromSeconds(10)), "the matcher waited on the blocked pool");
            Assert.Null(failure);
            Assert.NotNull(matcher);
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public void A_bundle_whose_saved_matcher_has_a_flipped_byte_is_refused_at_opening()
    {
        var memory = new MemoryBundle();
        Bundle(Train(Tier.Fast, 200)).Save(memory);
        var damaged = (byte[])memory.Parts[ModelBundle.MatcherFile].Clone();
        damaged[damaged.Length / 3] ^= 0x5A;
        using (var s = memory.Create(ModelBundle.MatcherFile))
        {
            s.Write(damaged);
        }

        var e = Assert.Throws<ClienteleInputException>(() => ModelBundle.Open(memory));
        Assert.Contains("checksum", e.Message);
        Assert.Contains(ModelBundle.MatcherFile, e.Message);
    }

    [Fact]
    public void A_bundle_with_a_flipped_byte_is_refused()
    {
        var memory = new MemoryBundle();
        Bundle(Train(Tier.Fast, 200)).Save(memory);
        var damaged = new MemoryBundle();
        foreach (var (name, bytes) in memory.Parts)
        {
            var copy = (byte[])bytes.Clone();
            if (name == "purchased.forest.forest")
            {
                copy[copy.Length / 2] ^= 0xFF;
            }

            using var s = damaged.Create(name);
            s.Write(copy);
        }

        var e = Assert.Throws<ClienteleInputException>(() => ModelBundle.Load(damaged));
        Assert.Contains("checksum", e.Message);
    }

    [Fact]
    public void A_bundle_from_a_newer_format_is_refused()
    {
        var memory = new MemoryBundle();
        Bundle(Train(Tier.Fast, 200)).Save(memory);
        var meta = System.Text.Encoding.UTF8.GetString(memory.Parts[ModelBundle.MetadataFile]).Replace($"\"format_version\": {ModelBundle.FormatVersion}", "\"format_version\": 7");
        using (var s = memory.Create(ModelBundle.MetadataFile))
        {
            s.Write(System.Text.Encoding.UTF8.GetBytes(meta));
        }

        var e = Assert.Throws<ClienteleInputException>(() => ModelBundle.Load(memory));
        Assert.Contains("version 7", e.Message);
    }

    [Fact]
    public void A_version_1_bundle_without_vote_weights_loads_as_a_plain_mean()
    {
        var trained = Train(Tier.Elite, 300);
        var memory = new MemoryBundle();
        Bundle(trained).Save(memory);
        var meta = System.Text.Json.Nodes.JsonNode.Parse(memory.Parts[ModelBundle.MetadataFile])!.AsObject();
        meta["format_version"] = 1;
        foreach (var member in meta["members"]!.AsArray())
        {
            member!.AsObject().Remove("weight");
        }

        using (var s = memory.Create(ModelBundle.MetadataFile))
        {
            s.Write(System.Text.Encoding.UTF8.GetBytes(meta.ToJsonString()));
        }

        var loaded = ModelBundle.Load(memory);
        var model = loaded.Models[Target.Purchased];
        Assert.All(model.Members, m => Assert.Equal(1, m.Weight));
        var rows = FeatureMatrix.Build(loaded.Featurizer, TestData.Profiles(40, seed: 4, lexicon: loaded.Featurizer.Lexicon), null);
        var outputs = model.Members.Select(m => model.MemberOutput(m, rows)).ToList();
        var combined = model.Predict(rows);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(outputs.Average(o => o[i]), combined[i], 9);
        }
    }

    private static ModelBundle Bundle(TrainedModel trained) =>
        ModelBundle.FromTraining(trained, 42, "test", ReportJson.Build(trained.Report), DateTimeOffset.UnixEpoch);
}
