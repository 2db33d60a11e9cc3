using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Channels.WeCom.GroupRobot;

/// <summary>The source-generated validator of <see cref="GroupRobotOptions"/>' attributes.</summary>
[OptionsValidator]
public sealed partial class GroupRobotOptionsValidator : IValidateOptions<GroupRobotOptions>;
