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
        // The settings type of every verb, for naming the nearest option when one is mistyped.
        var verbs = new Dictionary<string, Type>(StringComparer.Ordinal);
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("clientele");
            config.SetApplicationVersion(Core.Bundles.ModelBundle.ToolVersion);
            config.PropagateExceptions();
            // Strict: an option the verb does not have is an error, never ignored (issue 14, item 1).
            config.UseStrictParsing();
            config.ConfigureConsole(HelpConsole());
            Add<DemoCommand>(config, verbs, "demo", "The whole job on generated sample notes: train Fast and Elite, score, store in SQLite, serve the dashboard.");
            Add<DetectCommand>(config, verbs, "detect", "Detect concepts in notes: one CSV row per match (negated matches marked).");
            Add<OccasionsCommand>(config, verbs, "occasions", "Birthdays, anniversaries, weddings, births, graduations, trips and events in notes, with their dates.");
            Add<TrainCommand>(config, verbs, "train", "Train a Fast or Elite model bundle (real labels or smart labels).");
            Add<EvaluateCommand>(config, verbs, "evaluate", "Measure a bundle on labelled notes; cross-validate with --folds.");
            Add<CompareCommand>(config, verbs, "compare", "Train Fast and Elite on the same split and compare them (AUC and log-loss, bootstrap interval).");
            Add<PredictCommand>(config, verbs, "predict", "Score clients with a bundle: scores CSV with segments and reasons.");
            Add<ServeCommand>(config, verbs, "serve", "Serve the HTTP API and the dashboard.");
            Add<BenchCommand>(config, verbs, "bench", "Measure speed end to end, side by side with the reference when python3 has scikit-learn.");
            Add<GenerateCommand>(config, verbs, "generate", "Write synthetic multilingual notes and ground-truth labels.");
            Add<RfmCommand>(config, verbs, "rfm", "Recency, frequency and monetary value per client from purchase transactions.");
            Add<KeysCommand>(config, verbs, "keys", "API keys of the server: 'keys create --role viewer|advisor|admin [[--advisor NAME]]' (printed once), 'keys revoke ID', 'keys list', 'keys rotate-data' (re-encrypt notes and transaction amounts under the newest data key).");
            Add<HistoryCommand>(config, verbs, "history", "Fit BG/NBD + Gamma-Gamma on purchase history: P(alive), expected purchases, spend and CLV per client; --holdout-days checks it.");
            Add<BacktestCommand>(config, verbs, "backtest", "Train on purchase history up to --as-of, predict what followed, compare with BG/NBD + Gamma-Gamma (paired bootstrap intervals).");
            Add<InspectCommand>(config, verbs, "inspect", "The schema report of a notes file's extra columns: inferred type, used or why not (identifier, ignored, too sparse), without training.");
            Add<SuggestConceptsCommand>(config, verbs, "suggest-concepts", "Frequent phrases of the notes no concept matches, ranked by clients or by association with outcomes, as a lexicon overlay to edit and load with --lexicon-overlay.");
            Add<ForgetCommand>(config, verbs, "forget", "Erase a client (notes, concepts, predictions, history, consent, name); the audit keeps a keyed hash; lists versions to retrain.");
            Add<ExportCommand>(config, verbs, "export", "Everything held about a client as one JSON document (subject access): --client ID --out FILE.");
            Add<ConsentCommand>(config, verbs, "consent", "Record a client's objection (--object), withdrawal (--withdraw) or consent (--grant); objecting clients are not scored.");
            Add<WorklistCommand>(config, verbs, "worklist", "The advisors' worklist: whom to contact, the action, channel, due date and the reason in a sentence, from a playbook.");
            Add<WorklistReportCommand>(config, verbs, "worklist-report", "Does the worklist work? Purchases after it, listed clients against the held-out control group, with a bootstrap interval.");
            Add<ReportCommand>(config, verbs, "report", "Summary report of the store (KPIs, segments with shares, top concepts, worklist, model card) as HTML or Markdown.");
            Add<RetentionCommand>(config, verbs, "retention", "Delete notes, prediction history and model versions past their retention, and orphan bundle folders (--dry-run counts them).");
        });

        try
        {
            if (args.Length == 0)
            {
                // No verb is a usage mistake: show what there is, and say so with exit 2.
                app.Run(["--help"]);
                CliIO.Err.WriteLine("error: " + CliMessages.NoVerb);
                return BadInput;
            }

            return app.Run(StdoutValues(args));
        }
        catch (ClienteleInputException e)
        {
            CliIO.Err.WriteLine("error: " + e.Message);
            return BadInput;
        }
        catch (CommandParseException e)
        {
            CliIO.Err.WriteLine("error: " + ParseMessage(e, args, verbs));
            return BadInput;
        }
        catch (CommandRuntimeException e)
        {
            CliIO.Err.WriteLine("error: " + e.Message);
            return BadInput;
        }
        catch (Exception e) when (e is DirectoryNotFoundException or UnauthorizedAccessException)
        {
            // A path that cannot be read or written is the user's to fix: bad input, one plain line.
            CliIO.Err.WriteLine("error: " + e.Message);
            return BadInput;
        }
        catch (IOException e)
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

    /// <summary>
    /// "--out -" as "--out=-": Spectre reads a lone "-" as an empty option name, but "-" is the usual way to say
    /// stdout, so it is handed over as the option's value.
    /// </summary>
    private static string[] StdoutValues(string[] args)
    {
        var result = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (i + 1 < args.Length && args[i + 1] == "-" && args[i].StartsWith("--", StringComparison.Ordinal) && !args[i].Contains('=', StringComparison.Ordinal))
            {
                result.Add(args[i] + "=-");
                i++;
            }
            else
            {
                result.Add(args[i]);
            }
        }

        return [.. result];
    }

    /// <summary>Spectre's parse error, with the nearest valid option or verb named when a name was mistyped.</summary>
    private static string ParseMessage(CommandParseException e, string[] args, Dictionary<string, Type> verbs)
    {
        var verb = args.FirstOrDefault(verbs.ContainsKey);
        var option = System.Text.RegularExpressions.Regex.Match(e.Message, "^(?:Unknown|Unexpected) option '([^']+)'");
        if (option.Success)
        {
            var typed = args.FirstOrDefault(a => a.TrimStart('-') == option.Groups[1].Value && a.StartsWith('-')) ?? "--" + option.Groups[1].Value;
            var valid = verb is null ? ["--help", "-h", "--version", "-v"] : OptionSuggestions.OptionsOf(verbs[verb]);
            return CliMessages.UnknownOption(typed, verb, OptionSuggestions.Closest(typed, valid));
        }

        var command = System.Text.RegularExpressions.Regex.Match(e.Message, "^Unknown command '([^']+)'");
        if (command.Success)
        {
            var name = command.Groups[1].Value;
            return verb is null
                ? CliMessages.UnknownVerb(name, OptionSuggestions.Closest(name, verbs.Keys))
                : $"unexpected argument '{name}' for '{verb}'; options take the form --name value (clientele {verb} --help)";
        }

        return e.Message;
    }

    private static void Add<TCommand>(IConfigurator config, Dictionary<string, Type> verbs, string name, string description)
        where TCommand : class, ICommand
    {
        config.AddCommand<TCommand>(name).WithDescription(description);
        var type = typeof(TCommand);
        while (type is not null && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Command<>)))
        {
            type = type.BaseType;
        }

        if (type is not null)
        {
            verbs[name] = type.GetGenericArguments()[0];
        }
    }

    /// <summary>Help goes to <see cref="CliIO.Out"/> (captured in tests), without colour codes when not a terminal.</summary>
    private static Spectre.Console.IAnsiConsole HelpConsole() =>
        Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Out = new Spectre.Console.AnsiConsoleOutput(CliIO.Out),
            Ansi = CliIO.Interactive ? Spectre.Console.AnsiSupport.Detect : Spectre.Console.AnsiSupport.No,
            ColorSystem = CliIO.Interactive ? Spectre.Console.ColorSystemSupport.Detect : Spectre.Console.ColorSystemSupport.NoColors,
        });

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
