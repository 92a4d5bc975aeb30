namespace Clientele.Core;

/// <summary>Every tuned number of Clientele, each with why it has its value.</summary>
public static class Defaults
{
    /// <summary>The seed everything random starts from, unless the user gives one (same as the reference, so splits are comparable).</summary>
    public const int Seed = 42;

    /// <summary>
    /// Concept matcher: a trie node with at most this many children scans them; wider nodes use a hash table.
    /// Measured on the 2,000 sample notes (built-in lexicon, MB/s of one core): 1 → 114, 3 → 117, 8 → 111, and
    /// binary search instead of hashing → 100: short scans predict well, longer ones do not.
    /// </summary>
    public const int MatcherLinearEdges = 3;

    /// <summary>
    /// Concept matcher: nodes down to this depth (reached by the first <see cref="MatcherDenseWidth"/> symbols)
    /// get a dense row of full transitions. With the built-in lexicon the automaton sits at depth 1-5 on most
    /// chars, and failure walks there cost mispredicted branches. Measured on the 2,000 sample notes (MB/s of one
    /// core, built-in / lexicon_v1, width 64): no rows 112 / 141, depth 1 → 110 / 142, 2 → 121 / 164,
    /// 3 → 131 / 173, 4 → 144 / 184, 5 → 144 / 177, 6 → 141 / 175 (a larger table misses the cache more).
    /// Depth 4 is about 10,000 rows, 2.5 MB, with the built-in lexicon.
    /// </summary>
    public const int MatcherDenseDepth = 4;

    /// <summary>
    /// Concept matcher: columns of a dense row, the most frequent alias chars (Latin letters, digits, space and
    /// common punctuation come first). Measured at depth 4 (MB/s, built-in / lexicon_v1): 48 → 138 / 184,
    /// 64 → 145 / 184, 96 → 149 / 182 with 40 % more rows' memory, 128 → 144 / 180.
    /// </summary>
    public const int MatcherDenseWidth = 64;

    /// <summary>TF-IDF terms for Fast: the reference's 500; more adds sparse columns the forest rarely splits on.</summary>
    public const int FastTerms = 500;

    /// <summary>TF-IDF terms for Elite: the reference's 800 (1–3-grams need more room than 1–2-grams).</summary>
    public const int EliteTerms = 800;

    /// <summary>
    /// Words of the matched aliases kept as TF-IDF features, both tiers. Concepts fold "vintage champagne" and
    /// "champagne" into one; the words keep what the advisor wrote. Measured on the sample (Fast, holdout; mean of
    /// splits 1–5 on the reference's labels / mean of smart seeds 42, 1–3 / generated seed 11, splits 1–3):
    /// purchase AUC 0.638 → 0.649 / 0.685 → 0.685 / 0.688 → 0.688, CLV R² 0.910 → 0.925 / 0.984 → 0.984 /
    /// 0.924 → 0.925. 500 is the reference's TF-IDF size; the lexicon's aliases rarely have more frequent words.
    /// </summary>
    public const int FastWords = 500;

    /// <summary>
    /// Words of the matched aliases in Elite (see <see cref="FastWords"/>). Fewer than Fast: Elite already has 868
    /// features, and every member's cost grows with the count (LightGbm ~40 µs per feature per fit, 12 fits). Elite
    /// holdout with 500 / 300 / 200 words, reference's labels: purchase AUC 0.677 / 0.684 / 0.679, CLV R² 0.918 /
    /// 0.916 / 0.916; mean of splits 1–3 and of smart seeds 42, 1, 2 equal within 0.005.
    /// </summary>
    public const int EliteWords = 200;

    /// <summary>
    /// Grams of the notes' own words in Fast's text channel. Ranked by association with the outcomes, the words that
    /// carry a maison's outcomes (its product lines, in each script) come first: on 3,000 generated maison clients 64
    /// grams gave purchase/churn AUC 0.712 / 0.650 and CLV R² 0.706, 200 gave 0.710 / 0.651 / 0.715, while the forest's
    /// training time grows with every column (200 cost ~+1 s per target of ~3.7 s; docs/BENCHMARKS.md).
    /// </summary>
    public const int FastTextGrams = 64;

    /// <summary>Grams in Elite's text channel: more, since its linear and boosting members use many weak columns well.</summary>
    public const int EliteTextGrams = 400;

    /// <summary>
    /// A gram of the notes in fewer training clients than this is not kept: ranked by association with an outcome,
    /// a gram seen in 2–4 clients wins by chance among tens of thousands of them.
    /// </summary>
    public const int MinTextDocumentFrequency = 5;

    /// <summary>
    /// A gram of the notes shorter than this (a single Han character counts 2, "in", "2") still counts as a feature but is not
    /// shown as a reason: "mentions «in»" tells an advisor nothing to act on.
    /// </summary>
    public const int MinPhraseReasonLength = 3;

    /// <summary>A term in one client only cannot generalise (sklearn's min_df=2 in the reference).</summary>
    public const int MinDocumentFrequency = 2;

    /// <summary>A term in over 90 % of clients separates nobody (the reference's max_df=0.9).</summary>
    public const double MaxDocumentShare = 0.9;

    /// <summary>Concept-pair flags in Elite: the reference's 50.</summary>
    public const int EliteCooccurrencePairs = 50;

    /// <summary>An alias longer than this counts as a "long concept" (reference statistic).</summary>
    public const int LongAliasLength = 20;

    /// <summary>Share of clients held out for the test set (80/20, as the reference).</summary>
    public const double TestShare = 0.2;

    /// <summary>Folds of cross-validation when asked without a number: 5 is the usual bias/variance compromise.</summary>
    public const int Folds = 5;

    /// <summary>Fast forest trees: accuracy flattens past ~100 trees on 2k clients, time grows linearly.</summary>
    public const int FastTrees = 100;

    /// <summary>
    /// Fast forest leaves per tree for CLV. A value made of additive parts (a product line, the meeting's length, the
    /// budget) needs more leaves than 32 to be approximated by one forest; the leaf floor
    /// (<see cref="ForestRegressionMinLeaf"/>) still keeps single rows from being memorised. Measured (Fast, one holdout
    /// of 600, maison-shaped generated data seeds 42 / 7, CLV R² as share of the best possible): 32 → 80.2 / 78.6 %,
    /// 64 → 82.2 / 80.5 %, 128 → 82.9 / 80.9 %; default generated notes (seed 42) R² 0.925 → 0.932 with 64. 64 rather
    /// than 128: CLV training time grows with the leaves (train_total 1.0 → 1.5 s at 64, 1.8 s at 128 on a loaded machine).
    /// </summary>
    public const int FastLeaves = 64;

    /// <summary>
    /// Forest leaves per tree for purchase/churn: 0/1 labels drawn from probabilities are noise-heavy, and
    /// small trees with large leaves average it out. Measured on the 2,000 sample notes with smart labels
    /// (AUC as share of the best possible): 32 leaves/min 20 → 93.8 %, 8 leaves/min 50 → 97.3 % (purchase).
    /// </summary>
    public const int BinaryForestLeaves = 8;

    /// <summary>Minimum clients per leaf of the binary forests (see <see cref="BinaryForestLeaves"/>).</summary>
    public const int BinaryForestMinLeaf = 50;

    /// <summary>Share of features tried per split by the binary forests (same sweep: 0.3 beat 0.2, 0.5 and 1.0).</summary>
    public const double BinaryForestFeatureFraction = 0.3;

    /// <summary>
    /// Share of features per split of the CLV forest (Fast; Elite uses <see cref="EliteRegressionFeatureFraction"/>).
    /// On the CLV-shaped benchmark (1,600 × 540, docs/FOREST.md) 1.0 scored R² 0.986 and 1/3 (Breiman's regression
    /// default) 0.983, but 1.0 fits ~2.8× slower; 1/3 keeps the 5× speed goal.
    /// </summary>
    public const double ForestRegressionFeatureFraction = 1.0 / 3.0;

    /// <summary>Fewest rows in a CLV forest leaf: 3 (vs 1 or 5) scored the same R² and smooths single-row outliers.</summary>
    public const int ForestRegressionMinLeaf = 3;

    /// <summary>
    /// Elite forest trees. 100, not 200: the out-of-fold vote weights cost two extra fits of boosting and linear per
    /// target, and halving the trees paid for them (CLV forest: 1.48 → ~0.74 s on one core). Measured on the sample,
    /// weighted Elite: CLV R² 0.9012 → 0.9009 (reference labels), 0.9831 → 0.9831 (smart, seeds 42/1/2); purchase /
    /// churn AUC mean of smart seeds 42, 1–5: 0.7037 → 0.7029, 0.6527 → 0.6514; reference labels 0.663 → 0.666, 0.645 → 0.647.
    /// </summary>
    public const int EliteTrees = 100;

    /// <summary>
    /// Clients a training fits on, at most: past this many a seeded sample of this many is trained and measured (the
    /// report's <c>sampled_clients</c>, and a line on stderr). Forest trees and the boosting member already see at
    /// most <see cref="ForestMaxSamples"/> and <see cref="BoostingMaxRows"/> clients, so more clients only grow the
    /// feature matrix (4.5 GB of dense rows for 1M clients with Fast's 1,131 features) and the forests' binning:
    /// Fast on 1,000,000 generated clients took 276 s and an 11.5 GB peak without this rule. Measured with it:
    /// docs/BENCHMARKS.md, "training on 1,000,000 clients".
    /// </summary>
    public const int TrainingMaxClients = 250_000;

    /// <summary>
    /// Bootstrap rows per forest tree, at most (scikit-learn's <c>max_samples</c>). Trees of 8 to 64 leaves with leaf
    /// floors of 3 to 50 rows are settled by far fewer rows than a large maison has clients, and a tree's cost grows with
    /// its rows: past this many clients each tree draws this many, so forest time stops growing with the clients. Under
    /// it (the 2,000-note sample, any set of up to 20,000 clients) the draws, trees and scores are exactly as before.
    /// Measured on 100,000 generated clients: docs/BENCHMARKS.md, "training on 100,000 clients".
    /// </summary>
    public const int ForestMaxSamples = 20_000;

    /// <summary>
    /// Training clients from which one out-of-fold split, not <see cref="OutOfFoldFolds"/>, gives the outputs that fit
    /// the vote weights: the boosting and linear members are then fitted once more on two thirds of the clients instead
    /// of three times, and the weights and the forest's calibration are fitted on the remaining third, which at this
    /// size is already more clients than the weights need (three weights on a 0.1 grid, one Platt scaling).
    /// </summary>
    public const int OneOutOfFoldSplitFrom = 30_000;

    /// <summary>Elite forest leaves (CLV; binary targets use <see cref="BinaryForestLeaves"/>).</summary>
    public const int EliteLeaves = 32;

    /// <summary>Gradient-boosting rounds: with learning rate 0.05 and noisy labels, more rounds only fit noise.</summary>
    public const int BoostingRounds = 100;

    /// <summary>Gradient-boosting leaves: small trees, boosting adds depth over rounds.</summary>
    public const int BoostingLeaves = 4;

    /// <summary>
    /// Training clients the boosting member is fitted on, at most: past this many it fits a seeded draw of this many
    /// (in file order). LightGbm's cost is its dataset and its rounds over every row; 4-leaf trees with 30-client leaves
    /// are settled by far fewer. On 100,000 generated clients (80,000 training) Elite trained in 50–52 s with 30,000
    /// (holdout AUC 0.7239 / 0.7350, CLV R² 0.9616), 61–68 s with 40,000 (0.7239 / 0.7350, 0.9624), 52 s with 25,000
    /// (0.7240 / 0.7346, 0.9612) and 87 s with every client (0.7240 / 0.7351, 0.9621) (docs/BENCHMARKS.md, "training on
    /// 100,000 clients"); row bagging per round instead was slower and no better. Under it nothing changes.
    /// </summary>
    public const int BoostingMaxRows = 30_000;

    /// <summary>Clients per boosting leaf: labels drawn from probabilities need large leaves to average out.</summary>
    public const int BoostingMinLeaf = 30;

    /// <summary>Share of features per boosting tree: decorrelates rounds, halves the cost.</summary>
    public const double BoostingFeatureFraction = 0.5;

    /// <summary>
    /// L2 penalty of the logistic member (ML.NET scale), beside <see cref="LinearL1"/>: with the L1 doing the
    /// selection, a light L2 only keeps correlated flags (a category's count and presence) from fighting.
    /// </summary>
    public const float LinearL2 = 2f;

    /// <summary>
    /// L1 penalty of the logistic member: most of ~900 sparse features carry no signal, and the L1 drops them
    /// instead of shrinking every weight alike. Measured (Elite, holdout AUC of the linear member, mean over
    /// smart-label seeds 42 and 1–5 on the sample): L1 0 / L2 20 → purchase 0.687, churn 0.631; L1 4 / L2 5 → 0.702,
    /// 0.653; L1 8 / L2 2 → 0.702, 0.659; on the reference's labels churn 0.560 → 0.611, purchase 0.659 → 0.652.
    /// </summary>
    public const float LinearL1 = 8f;

    /// <summary>
    /// L2 penalty of the ridge (SDCA) member for CLV: SDCA averages the loss, so its scale is per example.
    /// Sweep on the sample (reference labels / smart labels): 1e-2 → R² 0.771 / 0.983, 3e-3 → 0.815 / 0.983.
    /// </summary>
    public const float RidgeL2 = 3e-3f;

    /// <summary>
    /// Share of features per split of the Elite CLV forest, as Fast. With the alias words all of them made this forest
    /// the slowest member (1.17 s of 3.6 s single-threaded) for no accuracy. Sweep with 500 words, R² 1.0 / 0.5 /
    /// 0.33: reference's labels 0.921 / 0.919 / 0.918 (its split), 0.927 / 0.926 / 0.927 (splits 1–3); generated
    /// seed 11 0.931 / 0.931 / 0.931; smart labels 0.983 for all three.
    /// </summary>
    public const double EliteRegressionFeatureFraction = 0.33;

    /// <summary>Boosting rounds for CLV: slower learning, more rounds (sweep: R² 0.892 vs 0.886 for 100 × 0.05).</summary>
    public const int RegressionBoostingRounds = 300;

    /// <summary>Learning rate of the CLV boosting (see <see cref="RegressionBoostingRounds"/>).</summary>
    public const double RegressionBoostingLearningRate = 0.03;

    /// <summary>SDCA epochs for the ridge member: 10 reach R² 0.982 in 0.11 s where 100 took 0.78 s for 0.980.</summary>
    public const int RidgeIterations = 10;

    /// <summary>L-BFGS stopping tolerance: 1e-4 reaches the same AUC as the default 1e-7 in a fraction of the iterations.</summary>
    public const float LinearTolerance = 1e-4f;

    /// <summary>Boosting learning rate.</summary>
    public const double BoostingLearningRate = 0.05;

    /// <summary>
    /// Folds of the out-of-fold outputs of the boosting and linear members that fit the vote weights (the forest
    /// uses its out-of-bag predictions): 3 keeps two thirds of the clients per fit at half the cost of 5.
    /// </summary>
    public const int OutOfFoldFolds = 3;

    /// <summary>
    /// Grid step of the vote weights (0.1 ⇒ 66 candidates for 3 members): finer steps only fit the folds' noise.
    /// </summary>
    public const double VoteWeightStep = 0.1;

    /// <summary>Below this many training clients out-of-fold outputs are too noisy to weigh members: the vote stays a plain mean.</summary>
    public const int MinClientsForVoteWeights = 100;

    /// <summary>Decision threshold for will_purchase / will_churn.</summary>
    public const double DecisionThreshold = 0.5;

    /// <summary>Reasons shown per score.</summary>
    public const int ReasonsPerScore = 3;

    /// <summary>
    /// A reason is shown only when its weight is at least this share of the client's strongest feature contribution
    /// on that target. Weaker ones are within the forest's averaging noise: on generated notes, whose drivers are known,
    /// raising the share from 0.2 to 0.5 took the reasons shown that name a true driver with its sign from 88.6 % to
    /// 91.6–93.9 % (Fast, Saabas, two seeds) while 97 % or more of clients keep a reason per target
    /// (ReasonFaithfulnessTests, docs/BENCHMARKS.md); 0.6 gained under a point more and cost more reasons.
    /// </summary>
    public const double ReasonNoiseShare = 0.5;

    /// <summary>Bins of the reliability (calibration) table.</summary>
    public const int CalibrationBins = 10;

    /// <summary>
    /// Reasons' contributions method for batch scoring. Saabas: exact TreeSHAP was measured more faithful on 5 of 6
    /// targets but about 13× the cost at 100k clients (docs/BENCHMARKS.md, "Saabas against exact tree SHAP"), which the
    /// 1M-clients-in-30-s budget cannot pay; the API's uploads use TreeSHAP (Server ModelSnapshot.ExplainingScorer).
    /// </summary>
    public const Scoring.ReasonMethod ReasonMethod = Scoring.ReasonMethod.Saabas;

    /// <summary>Clients scored per batch: bounds memory (dense features) while keeping ML.NET batches large.</summary>
    public const int ScoringBatch = 20_000;

    /// <summary>
    /// Scored batches between two background full collections in a streamed scoring run. A batch's scores and reasons
    /// live until the writer has taken them, long enough to be promoted, so with nothing else asking for a full
    /// collection they piled up in the old generation: +300 MB of dead scores by the end of 1M clients. Every 10
    /// batches (200,000 clients) a background collection clears them while the scorer goes on: 1M clients without the
    /// store peaked at 1.49–1.51 GB instead of 1.85 GB, outputs identical. Not when the run holds every note for the
    /// store (1M into SQLite: 2.66 instead of 3.32 GB, but 92 instead of 77 s).
    /// </summary>
    public const int ScoringBatchesPerCollection = 10;

    /// <summary>
    /// Rows per scoring task: a batch is cut into row ranges that each run every target's members, so both cores stay
    /// busy to the end (one task per target left a core idle while the slowest target, CLV, finished); large enough
    /// that a task's cost dwarfs its scheduling.
    /// </summary>
    public const int ScoringRowsPerTask = 1_024;

    /// <summary>
    /// Row buffers a scorer keeps between calls, at most (×4 KB each with ~1,000 features): enough for the 2,000-client
    /// request that recurs, small enough that a server holding one scorer per model does not keep a batch's 80 MB.
    /// </summary>
    public const int RetainedScoringRows = 4_096;

    /// <summary>CLV segment bounds (DESIGN §9): below 3,000 Low, 7,000 Medium, 15,000 High, else VIP.</summary>
    public static readonly double[] ValueBounds = [3_000, 7_000, 15_000];

    /// <summary>Churn segment bounds (DESIGN §9): below 0.3 Safe, 0.6 Monitor, 0.8 At Risk, else Critical.</summary>
    public static readonly double[] RiskBounds = [0.3, 0.6, 0.8];

    // Extra columns (issue 13): how a column is typed from its values, and when it is left out.

    /// <summary>
    /// A column is numeric when this share of its non-blank cells reads as a number: one stray "n/a" in a hundred
    /// must not turn a duration into a category, but a column of codes where a third are digits is not a measure.
    /// </summary>
    public const double ColumnNumericShare = 0.9;

    /// <summary>A column is a date when this share of clients' latest values reads as a date (same tolerance as numbers).</summary>
    public const double ColumnDateShare = 0.9;

    /// <summary>
    /// Identifier rule: distinct latest values over clients with a value at or above this share means one value per
    /// client (an id, a name, an e-mail). A store or channel has a handful of values for thousands of clients.
    /// </summary>
    public const double IdentifierDistinctShare = 0.9;

    /// <summary>
    /// Identifier rule by content: this share of values that look like e-mails or phone numbers makes the column a
    /// contact, whatever its header says (half, so a column of mostly blanks-filled-with-text still counts).
    /// </summary>
    public const double IdentifierPatternShare = 0.5;

    /// <summary>
    /// Identifier rule by header: a header naming a person ("name", "email", "nom") makes an identifier when this share
    /// of clients have distinct values — namesakes are common, but an "advisor_name" with ten values for a thousand
    /// clients is a category.
    /// </summary>
    public const double IdentifierHeaderDistinctShare = 0.5;

    /// <summary>Below this many clients with a value, distinct counts cannot tell an id from a category: the distinct rule waits.</summary>
    public const int IdentifierMinClients = 20;

    /// <summary>Digits a phone number has at least (8: the shortest national numbers in the 12 languages' countries, without the prefix).</summary>
    public const int PhoneMinDigits = 8;

    /// <summary>A column whose values are this long on average (characters) is free text, not a category: labels are words, notes are sentences.</summary>
    public const int TextMeanLength = 40;

    /// <summary>
    /// A non-numeric column with more distinct values than this (and not an identifier) is free text: a one-hot over
    /// more levels than this would keep only the frequent ones anyway (<see cref="CategoricalMaxLevels"/>).
    /// </summary>
    public const int CategoricalMaxDistinct = 200;

    /// <summary>Distinct values counted per column, at most: enough to apply every rule above, bounded on a hostile file.</summary>
    public const int ColumnDistinctCap = 100_000;

    /// <summary>A column used by fewer than this share of clients is too sparse: its missing flag would be the whole feature.</summary>
    public const double ColumnMinCoverage = 0.02;

    /// <summary>
    /// A categorical level becomes a one-hot column when this many training clients have it, at least (the term
    /// block's document-frequency floor is 2; a level is a single column a forest must see often to split on).
    /// </summary>
    public const int CategoricalMinClients = 10;

    /// <summary>... and this share of training clients, so a 100,000-client file does not keep levels of ten.</summary>
    public const double CategoricalMinShare = 0.005;

    /// <summary>One-hot columns per categorical column, at most (rarer levels read as "other"): a store list, not an address book.</summary>
    public const int CategoricalMaxLevels = 30;

    /// <summary>A transactions level (a category, a store) becomes a share column when this many training clients bought it: as the notes' floor.</summary>
    public const int TransactionLevelMinClients = 10;

    /// <summary>... and this share of training clients, so a 100,000-client history does not keep a store ten clients visited.</summary>
    public const double TransactionLevelMinShare = 0.005;

    /// <summary>Share columns per transactions column, at most (rarer levels add up in "other"): a catalogue's departments, not its SKUs.</summary>
    public const int TransactionColumnMaxLevels = 20;

    /// <summary>
    /// Leakage guard: a column whose values alone rank a binary target this well (AUC on the training clients) is
    /// probably derived from the outcome. Real signals in the notes reach 0.6–0.8; a copy of the label reaches 1.
    /// </summary>
    public const double LeakageAuc = 0.98;

    /// <summary>Leakage guard for the value target: R² of the column alone (linear, or group means for a category) on the training clients.</summary>
    public const double LeakageR2 = 0.95;

    /// <summary>Labelled training clients with a value below which the leakage guard does not judge a column (its AUC would be noise).</summary>
    public const int LeakageMinClients = 30;

    /// <summary>Characters of a column's value a reason shows at most ("Duration: 1h30"): a reason is a short phrase.</summary>
    public const int ReasonValueLength = 24;

    // clientele suggest-concepts (issue 13 item 4): phrases of the notes that no concept matches.

    /// <summary>A phrase in fewer clients than this is not suggested: a maison's product line recurs, a one-off wording does not generalise.</summary>
    public const int SuggestMinClients = 5;

    /// <summary>
    /// A phrase (or a phrase starting or ending with a word) in more than this share of the clients of its languages
    /// is grammar, not a concept: "the", "de la", "は" are in nearly every note of their language, while a maison's
    /// best-selling line may be in a third of them. Stands in for per-language stop-word lists, which would have to
    /// be kept for 12 languages.
    /// </summary>
    public const double SuggestMaxClientShare = 0.5;

    /// <summary>A shorter phrase is dropped when a longer one containing it is in at least this share of its clients ("ligne" inside "ligne solenne").</summary>
    public const double SuggestSubsumedShare = 0.9;

    /// <summary>Pseudo-count added to each cell of the 2×2 table of the log-odds ratio: a phrase in 5 buyers and no other client is not infinitely telling.</summary>
    public const double SuggestPrior = 1.0;

    /// <summary>Phrases written to the overlay, at most: a list a person reads and edits.</summary>
    public const int SuggestTop = 200;

    /// <summary>
    /// Characters a one-word phrase of a spaced script has at least: shorter words are particles and articles. A
    /// single Han, Kana or Hangul character is never suggested alone (particles: を, 에, 的); pairs and triples are.
    /// </summary>
    public const int SuggestMinWordLength = 3;
    /// <summary>
    /// Quantiles of predicted CLV on the training population that bound Low / Medium / High / VIP: the lower half
    /// is Low, the next 30 % Medium, the next 15 % High and the top 5 % VIP, so "VIP" stays the few a maison treats
    /// personally whatever its currency or price level (fixed bounds put 844 of the 2,000 demo clients in VIP).
    /// </summary>
    public static readonly double[] ValueQuantiles = [0.5, 0.8, 0.95];

    /// <summary>
    /// Churn odds relative to the training population's churn odds that bound Safe / Monitor / At Risk / Critical:
    /// a quarter below the usual odds is Safe, up to a quarter above Monitor, up to double At Risk, beyond Critical.
    /// Odds rather than probability ratios, so the bands exist whatever the base rate (2× a 60 % rate is no
    /// probability). Calibrated churn probabilities sit close to the rate: on the 2,000 demo clients (Fast, smart
    /// labels, rate 0.555) the 10th / 90th percentiles are odds ratios 0.55 / 1.86, so these bounds give about
    /// 22 / 48 / 24 / 6 %, where 0.5 / 1.5 / 3 left 74 % in Monitor and 5 clients Critical.
    /// </summary>
    public static readonly double[] RiskOddsRatios = [0.75, 1.25, 2.0];

    /// <summary>Worklist horizon: actions due within two weeks, the span a boutique plans its calls and gifts over.</summary>
    public const int WorklistDays = 14;

    /// <summary>
    /// Days a logged contact keeps a client off the worklist: three weeks, so a client is not approached again before
    /// a reply or a visit has had time to happen (no over-solicitation), yet comes back within the month.
    /// </summary>
    public const int ContactQuietDays = 21;

    /// <summary>
    /// Share of eligible clients held out of the worklist as a control group: 10 % leaves 90 % of the actions to the
    /// advisors and, on a few thousand eligible clients, a control group of a few hundred, enough for an interval of
    /// a purchase-rate difference of about ±5 points.
    /// </summary>
    public const double ControlShare = 0.10;

    /// <summary>Reasons mention the time since the last visit from a month on: shorter gaps are ordinary.</summary>
    public const int ReasonNoVisitDays = 30;

    /// <summary>Reasons mention the time since the last purchase from three months on, a quarter being the usual gap between purchases.</summary>
    public const int ReasonNoPurchaseDays = 90;

    /// <summary>Reasons name at most this many stated preferences (colour, material, product): one short phrase.</summary>
    public const int ReasonPreferences = 3;

    /// <summary>Days after the worklist's as-of date in which a purchase counts as following it (the report's window): a month.</summary>
    public const int ContactEffectDays = 30;

    /// <summary>
    /// Retention: a folder in the models directory that no version references is removed only when it has not changed for
    /// an hour. A training renames its finished bundle into place a moment before it registers the version; an hour is far
    /// beyond that gap, yet a leftover of a killed training goes at the next daily pass.
    /// </summary>
    public const int OrphanBundleGraceMinutes = 60;

    /// <summary>
    /// Seconds between a server replica's checks of the shared store (the active model version, waiting jobs) besides
    /// LISTEN/NOTIFY: a notification lost while a connection was down is made up within this, so an activation reaches
    /// every replica well inside 5 s, at the cost of one indexed query per replica and check.
    /// </summary>
    public const int ReplicaPollSeconds = 2;

    /// <summary>Seconds between writes of a running job's progress to the shared jobs table: what another replica shows stays a second behind.</summary>
    public const int ReplicaProgressSeconds = 1;

    /// <summary>
    /// Versions a server replica loads ahead (the newest registered since it started, not served): two covers a
    /// training and a retraining queued together, at the memory of two more bundles, so an activation made elsewhere
    /// is a swap rather than a load.
    /// </summary>
    public const int ReplicaPreparedVersions = 2;

    /// <summary>
    /// Versions a server keeps loaded after it stops serving them: one brings a rollback to the version just replaced
    /// back as a swap (no disk read, no scorer or matcher to build) at the memory of one more bundle; an A/B flip
    /// between two versions then costs nothing after the first round.
    /// </summary>
    public const int ServerRecentVersions = 1;

    /// <summary>
    /// Notes a run reads before the fact extractor's regexes are compiled (on a pool thread, beside the work).
    /// Compiling costs about 0.15-0.3 s of one core and then saves about 10 µs a note (150,331 generated notes: budget
    /// and age 2.9 → 1.4 s of CPU), so it pays from about 20,000 notes; 8,192 starts it early enough for a large file
    /// to gain and late enough that the 2,000-note sample never pays for it.
    /// </summary>
    public const int CompileFactRegexesAfterNotes = 8192;
}
