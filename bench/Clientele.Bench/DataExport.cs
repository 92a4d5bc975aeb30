using System.Globalization;
using System.Text;

namespace Clientele.Bench;

/// <summary>
/// <c>--export DIR</c>: writes the quick comparison's data (seed 7, same 80/20 split) as CSV so the same rows
/// can be fed to scikit-learn by <c>bench/sklearn_reference.py</c> for an outside reference point.
/// </summary>
public static class DataExport
{
    public static void Run(string directory)
    {
        Directory.CreateDirectory(directory);
        var data = SyntheticClients.Generate(QuickComparison.TotalRows, seed: 7);
        Write(Path.Combine(directory, "train.csv"), data, 0, QuickComparison.TrainRows);
        Write(Path.Combine(directory, "test.csv"), data, QuickComparison.TrainRows, QuickComparison.TotalRows);
    }

    private static void Write(string path, SyntheticClients data, int from, int to)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("binary,clv," + string.Join(',', Enumerable.Range(0, SyntheticClients.Columns).Select(c => $"x{c}")));
        var line = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            line.Clear();
            line.Append(data.Binary[i].ToString("R", CultureInfo.InvariantCulture)).Append(',');
            line.Append(data.Clv[i].ToString("R", CultureInfo.InvariantCulture));
            foreach (var v in data.Rows[i])
            {
                line.Append(',').Append(v.ToString("R", CultureInfo.InvariantCulture));
            }

            writer.WriteLine(line);
        }
    }
}
