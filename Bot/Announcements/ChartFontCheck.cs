using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Announcements;

/// <summary>
/// Refuses to start when charts are on and <see cref="DailyProgressOptions.ChartFont"/> cannot draw Chinese: without
/// it every label of every chart would be a box, and nobody would notice until the groups did.
/// </summary>
public sealed class ChartFontCheck : IValidateOptions<DailyProgressOptions>
{
    /// <summary>The Debian package that provides the default chart font.</summary>
    public const string FontPackage = "fonts-wqy-microhei";

    public ValidateOptionsResult Validate(string? name, DailyProgressOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Charts || string.IsNullOrWhiteSpace(options.ChartFont) || ChartFonts.CanDrawChinese(options.ChartFont))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(
            $"{DailyProgressOptions.SectionName}:Charts is on but no CJK font resolves for ChartFont '{options.ChartFont}': " +
            $"install Debian's {FontPackage} (apt-get install {FontPackage}) or set {DailyProgressOptions.SectionName}:Charts to false.");
    }
}
