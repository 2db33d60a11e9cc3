using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Hosting;

public static class StartupFailure
{
    /// <summary>
    /// Runs the app, and ends the process once the host has stopped. A configuration that fails validation at start
    /// stops it with one line on standard error naming the section and the keys at fault, and exit code 2, instead of
    /// a stack trace.
    /// </summary>
    public static int RunOrExplain(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            // Validate every ValidateOnStart section up front: all bad keys are reported together, before any service
            // that reads its options at construction fails with the first one and the host logs a stack trace.
            app.Services.GetService<IStartupValidator>()?.Validate();
            app.Run();
            // The host has stopped and is disposed. Seen under load with PostgreSQL stopped: threads of Quartz still
            // retrying its store kept the process alive for minutes after that. Nothing is left to finish: end it now
            // (only when this service is the process, not a host inside the tests' runner).
            if (System.Reflection.Assembly.GetEntryAssembly() == typeof(StartupFailure).Assembly)
            {
                Environment.Exit(0);
            }

            return 0;
        }
        catch (Exception exception) when (Failures(exception) is { Count: > 0 } failures)
        {
            System.Console.Error.WriteLine("ChatPost cannot start, invalid configuration: " + string.Join(" | ", failures));
            return 2;
        }
    }

    private static List<string> Failures(Exception exception) => exception switch
    {
        OptionsValidationException options => [.. options.Failures.Select(failure => $"{Section(options.OptionsType)}: {failure}")],
        AggregateException aggregate => [.. aggregate.InnerExceptions.SelectMany(Failures)],
        _ => [],
    };

    // Options classes name their section in a SectionName constant (STYLE §5); the staff lists are root sections.
    private static string Section(Type optionsType) =>
        optionsType.GetField("SectionName")?.GetRawConstantValue() as string ?? optionsType.Name.Replace("Options", "", StringComparison.Ordinal);
}
