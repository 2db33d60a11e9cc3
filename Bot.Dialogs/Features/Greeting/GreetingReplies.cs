namespace ChatPost.Bot.Dialogs.Features.Greeting;

/// <summary>The bot's greetings and its menu.</summary>
public static class GreetingReplies
{
    public const string Menu = """
        我是邮政“网上办、邮政送达”服务助手，可以帮您：
        1. 查邮件：直接发送邮件号，如 EA123456785CN
        2. 查发票：发送发票申请编号或纳税人识别号
        3. 驾驶证、行驶证等交管证照邮寄办理
        4. 教材、教辅资料配送
        5. 邮费、办理流程等常见问题
        需要人工服务请回复“人工”。
        """;

    public const string Hello = "您好！请问有什么可以帮您？回复“菜单”查看我能做的事。";

    public const string FirstHello = "您好！\n" + Menu;

    public const string Welcome = "感谢关注！疫情期间，交管证照、税务发票、教材教辅都可以“网上办、邮政送达”。\n" + Menu;
}
