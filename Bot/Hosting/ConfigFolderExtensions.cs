using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace ChatPost.Bot.Hosting;

internal static class ConfigFolderExtensions
{
    /// <summary>
    /// Reads <c>config/appsettings.json</c>, <c>config/appsettings.{Environment}.json</c> and the knowledge files
    /// (<c>faq.json</c>) — all copied next to the binaries — beneath every other source, so user secrets,
    /// environment variables and the command line still override them.
    /// </summary>
    public static IHostApplicationBuilder AddConfigFolder(this IHostApplicationBuilder builder)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "config");
        if (!Directory.Exists(folder))
        {
            return builder;
        }

        var files = new PhysicalFileProvider(folder);
        string[] names = ["faq.json", "appsettings.json", $"appsettings.{builder.Environment.EnvironmentName}.json"];
        for (var i = 0; i < names.Length; i++)
        {
            builder.Configuration.Sources.Insert(i, new JsonConfigurationSource
            {
                FileProvider = files,
                Path = names[i],
                Optional = true,
                ReloadOnChange = false,
            });
        }

        return builder;
    }
}
