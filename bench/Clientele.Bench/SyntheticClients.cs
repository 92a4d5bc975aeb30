using Clientele.Core.Labels;

namespace Clientele.Bench;

/// <summary>
/// Synthetic data shaped like Clientele's Fast-tier feature matrix: a sparse TF-IDF block (~6 % non-zero,
/// Zipf-like term frequencies) followed by a dense numeric block (counts, budget, age, days since last note,
/// binary flags). Labels come from known models so the learners can be judged against the truth:
/// a logistic model for the binary target and 3000 + 25000·f1 + 12000·f2 + 5000·f3 + N(0, 1500) for CLV.
/// </summary>
public sealed class SyntheticClients
{
    public const int TermColumns = 500;
    public const int NumericColumns = 40;
    public const int Columns = TermColumns + NumericColumns;

    // Dense-block column indices the label models read.
    private const int Flag1 = TermColumns + 0;
    private const int Flag2 = TermColumns + 1;
    private const int Flag3 = TermColumns + 2;
    private const int NoteCount = TermColumns + 3;
    private const int Budget = TermColumns + 4;
    private const int DaysSinceLastNote = TermColumns + 6;

    private SyntheticClients(float[][] rows, float[] binary, float[] clv, double[] probability)
    {
        Rows = rows;
        Binary = binary;
        Clv = clv;
        Probability = probability;
    }

    public float[][] Rows { get; }

    /// <summary>0/1 labels drawn from <see cref="Probability"/>.</summary>
    public float[] Binary { get; }

    /// <summary>Client-lifetime-value-like regression target.</summary>
    public float[] Clv { get; }

    /// <summary>True probability behind each binary label (its AUC is the ceiling any learner can reach).</summary>
    public double[] Probability { get; }

    public static SyntheticClients Generate(int rows, int seed)
    {
        var rng = new Random(seed);
        var data = new float[rows][];

        // Document frequency per term: Zipf-like, averaging ~6 % like the real 500-term vocabulary.
        var docFrequency = new double[TermColumns];
        for (var t = 0; t < TermColumns; t++)
        {
            docFrequency[t] = Math.Min(0.6, 0.75 / Math.Sqrt(t + 1));
        }

        var binary = new float[rows];
        var clv = new float[rows];
        var probability = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var row = new float[Columns];
            for (var t = 0; t < TermColumns; t++)
            {
                if (rng.NextDouble() < docFrequency[t])
                {
                    row[t] = (float)(0.05 + (0.45 * rng.NextDouble()));
                }
            }

            row[Flag1] = rng.NextDouble() < 0.3 ? 1 : 0;
            row[Flag2] = rng.NextDouble() < 0.25 ? 1 : 0;
            row[Flag3] = rng.NextDouble() < 0.4 ? 1 : 0;
            row[NoteCount] = (float)Math.Floor(-Math.Log(1 - rng.NextDouble()) * 6);
            row[Budget] = (float)Math.Round(Math.Exp(8.5 + rng.NextGaussian()) / 100) * 100;
            row[TermColumns + 5] = (float)Math.Floor(rng.NextDouble() * 3000);
            row[DaysSinceLastNote] = (float)Math.Floor(-Math.Log(1 - rng.NextDouble()) * 90);
            for (var c = 7; c < NumericColumns; c++)
            {
                // Mix of count-like integers and continuous noise columns, as the real numeric block has.
                row[TermColumns + c] = c % 2 == 0 ? (float)Math.Floor(rng.NextDouble() * 12) : (float)rng.NextGaussian();
            }

            var logit = -1.2
                + (1.4 * row[Flag1])
                + (0.12 * row[NoteCount])
                + (1.6 * (row[2] > 0 ? 1 : 0))
                + (1.1 * (row[9] > 0 ? 1 : 0))
                + (2.5 * row[40])
                - (0.012 * row[DaysSinceLastNote])
                + (0.3 * Math.Log(row[Budget] / 5000.0 + 1e-3));
            probability[i] = 1 / (1 + Math.Exp(-logit));
            binary[i] = rng.NextDouble() < probability[i] ? 1 : 0;
            clv[i] = (float)(3000 + (25000 * row[Flag1]) + (12000 * row[Flag2]) + (5000 * row[Flag3]) + (1500 * rng.NextGaussian()));
            data[i] = row;
        }

        return new SyntheticClients(data, binary, clv, probability);
    }
}
