using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Announcements;

/// <summary>The data-annotation rules of <see cref="DailyProgressOptions"/>, source-generated.</summary>
[OptionsValidator]
public sealed partial class DailyProgressOptionsValidator : IValidateOptions<DailyProgressOptions>;
