namespace ChatPost.Bot.Console;

/// <summary>What a signed-in person may do in the console; each role may do everything the ones before it may.</summary>
public enum ConsoleRole
{
    /// <summary>Staff signed in with WeCom who are not in <c>Managers</c>: the overview and records only.</summary>
    Staff,

    /// <summary>A manager (<c>Managers</c>): also broadcasts within their scope, and the bot sandbox.</summary>
    Manager,

    /// <summary>The holder of <c>Admin:ApiKey</c> (or the demo sign-in): everything, province scope.</summary>
    Operator,
}
