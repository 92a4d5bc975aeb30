using Clientele.Cli.Commands;
using Clientele.Cli.Infrastructure;
using Clientele.Core.Errors;
using Spectre.Console.Cli;

namespace Clientele.Cli;

/// <summary>
/// The <c>clientele</c> command line: one command + settings pair per verb. Exit codes: 0 success,
/// 2 bad input or usage (one clear line on stderr), 1 unexpected failure (no stack trace unless
/// CLIENTELE_DEBUG=1).
/// </summary>
public static class ClienteleApp
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    public static int Run(string[] args)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("clientele");
            config.SetApplicationVersion(Core.Bundles.ModelBundle.ToolVersion);
            config.PropagateExceptions();
            config.AddCommand<DemoCommand>("demo").WithDescription("The whole job on generated sample notes: train Fast and Elite, score, store in SQLite, serve the dashboard.");
            config.AddCommand<DetectCommand>("detect").WithDescription("Detect concepts in notes: one CSV row per match.");
            config.AddCommand<OccasionsCommand>("occasions").WithDescription("Birthdays, anniversaries, weddings, births, graduations, trips and events in notes, with their dates.");
            config.AddCommand<TrainCommand>("train").WithDescription("Train a Fast or Elite model bundle (real labels or smart labels).");
            config.AddCommand<EvaluateCommand>("evaluate").WithDescription("Measure a bundle on labelled notes; cross-validate with --folds.");
            config.AddCommand<CompareCommand>("compare").WithDescription("Train Fast and Elite on the same split and compare them.");
            config.AddCommand<PredictCommand>("predict").WithDescription("Score clients with a bundle: scores CSV with segments and reasons.");
            config.AddCommand<ServeCommand>("serve").WithDescription("Serve the HTTP API and the dashboard.");
            config.AddCommand<BenchCommand>("bench").WithDescription("Measure speed end to end, side by side with the reference when python3 has scikit-learn.");
            config.AddCommand<GenerateCommand>("generate").WithDescription("Write synthetic multilingual notes and ground-truth labels.");
            config.AddCommand<RfmCommand>("rfm").WithDescription("Recency, frequency and monetary value per client from purchase transactions.");
            config.AddCommand<HistoryCommand>("history").WithDescription("Fit BG/NBD + Gamma-Gamma on purchase history: P(alive), expected purchases, spend and CLV per client; --holdout-days checks it.");
            config.AddCommand<BacktestCommand>("backtest").WithDescription("Train on purchase history up to --as-of, predict what followed, compare with BG/NBD + Gamma-Gamma (paired bootstrap intervals).");
        });

        try
        {
            return app.Run(args);
        }
        catch (ClienteleInputException e)
        {
            CliIO.Err.WriteLine("error: " + e.Message);
            return BadInput;
        }
        catch (CommandParseException e)
        {
            CliIO.Err.WriteLine("error: " + e.Message);
            return BadInput;
        }
        catch (CommandRuntimeException e)
        {
            CliIO.Err.WriteLine("error: " + e.Message);
            return BadInput;
        }
        catch (IOException e)
        {
            CliIO.Err.WriteLine("error: " + e.Message);
            return Failure;
        }
        catch (UnauthorizedAccessException e)
        {
            CliIO.Err.WriteLine("error: " + e.Message);
            return Failure;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("CLIENTELE_DEBUG") != "1")
        {
            CliIO.Err.WriteLine($"error: unexpected {e.GetType().Name}: {e.Message} (set CLIENTELE_DEBUG=1 for details)");
            return Failure;
        }
    }

    /// <summary>Runs in-process with captured output (tests).</summary>
    public static (int Exit, string Out, string Err) RunCaptured(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        using (CliIO.Redirect(stdout, stderr))
        {
            var exit = Run(args);
            return (exit, stdout.ToString(), stderr.ToString());
        }
    }
}
