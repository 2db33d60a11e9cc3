namespace ChatPost.Bot.Audit;

/// <summary>
/// One line of the audit trail: who did what to which broadcast or knowledge entry, or who signed in to the console,
/// and when. 一条审计记录：谁在何时对哪条通报或知识条目做了什么，或谁登录了控制台。
/// </summary>
/// <param name="At">When. 时间。</param>
/// <param name="Actor">A manager's UserID or the name an operator gave, <c>admin-api</c> for the admin-key operator, <c>system</c>, or
/// <c>anonymous</c> for a failed sign-in. 管理人员 UserID 或操作人姓名、<c>admin-api</c>（管理密钥）、<c>system</c> 或 <c>anonymous</c>（登录失败）。</param>
/// <param name="Area">What kind of thing was acted on: <c>broadcast</c>, <c>faq</c> (the knowledge base), <c>records</c> (a console
/// import) or <c>console</c> (sign-ins). 对象类别：<c>broadcast</c>（通报）、<c>faq</c>（知识库）、<c>records</c>（控制台导入记录）或
/// <c>console</c>（控制台登录）。</param>
/// <param name="Action">
/// Broadcasts: <c>accepted</c>, <c>scheduled</c>, <c>cancelled</c>, <c>refused</c>, <c>completed</c>. Knowledge: <c>faq-seeded</c>,
/// <c>faq-created</c>, <c>faq-updated</c>, <c>faq-deleted</c>, <c>faq-reverted</c>, <c>faq-imported</c>. Records: <c>imported</c>. Console: <c>signed-in</c>,
/// <c>signed-out</c>, <c>sign-in-failed</c>, <c>sign-in-refused</c>.
/// 通报：受理、定时、撤回、拒绝、完成；知识库：初始导入、新建、修改、删除、回退、导入；控制台：登录、退出、登录失败、拒绝登录。
/// </param>
/// <param name="Subject">The broadcast id or the knowledge entry id; null when there is none (a refusal before a broadcast existed, a
/// sign-in, the seed). 通报编号或知识条目编号；没有时为 null。</param>
/// <param name="Origin">Where it came from: <c>api</c>, <c>chat</c>, <c>console</c>, <c>announcement</c>, <c>seed</c>.
/// 来源：接口、聊天、控制台、每日通报、初始导入。</param>
/// <param name="Detail">The groups reached, the version written, or why it was refused; never message content.
/// 涉及的工作群、写入的版本或拒绝原因；从不包含消息内容。</param>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Area, string Action, string? Subject, string Origin, string Detail);
