using BenchmarkDotNet.Running;
using Clientele.Bench;

// `--quick` prints a readable side-by-side table in seconds; anything else goes to BenchmarkDotNet.
if (args.Contains("--quick"))
{
    QuickComparison.Run(Console.Out);
    return 0;
}

if (args.Length == 2 && args[0] == "--export")
{
    DataExport.Run(args[1]);
    return 0;
}

if (args.Contains("--sweep"))
{
    ForestSweep.Run(Console.Out);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(ForestBenchmarks).Assembly).Run(args);
return 0;
