using System.ComponentModel;
using Clientele.Cli.Infrastructure;
using Clientele.Workflows.Reports;
using Spectre.Console.Cli;

namespace Clientele.Cli.Commands;

/// <summary>Settings of <see cref="ReportCommand"/>.</summary>
public sealed class ReportSettings : StoreSettings
{
    [CommandOption("--out <FILE>")]
    [Description("report.html (one page, no script) or report.md. (required)")]
    public string? Out { get; init; }

    public override Spectre.Console.ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Out) ? Spectre.Console.ValidationResult.Error("--out <FILE> is required")
        : !(Out.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || Out.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) || Out.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            ? Spectre.Console.ValidationResult.Error($"--out '{Out}' must end in .html or .md")
        : base.Validate();
}

/// <summary><c>clientele report</c>: KPIs, segments with shares, top concepts, the worklist and a model card, from the store.</summary>
public sealed class ReportCommand : Command<ReportSettings>
{
    public override int Execute(CommandContext context, ReportSettings settings, CancellationToken cancellationToken)
    {
        OutputFile.RequireWritable(settings.Out!);
        SummaryReport report;
        using (var store = settings.OpenStore())
        {
            report = SummaryReport.From(store);
        }

        var html = !settings.Out!.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
        OutputFile.WriteText(settings.Out, w => w.Write(html ? report.Html() : report.Markdown()));
        CliIO.Out.WriteLine($"report → {settings.Out}");
        return 0;
    }
}
