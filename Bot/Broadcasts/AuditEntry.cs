namespace ChatPost.Bot.Broadcasts;

/// <summary>One line of the audit trail: who did what to which broadcast, for whom, and when. 一条审计记录：谁在何时对哪条通报做了什么。</summary>
/// <param name="At">When. 时间。</param>
/// <param name="Actor">A manager's UserID, <c>admin-api</c> for the admin-key operator, or <c>system</c>. 管理人员 UserID、<c>admin-api</c>（管理密钥）或 <c>system</c>。</param>
/// <param name="Action"><c>accepted</c>, <c>scheduled</c>, <c>cancelled</c>, <c>refused</c> or <c>completed</c> (and the console's sign-ins). 受理、定时、撤回、拒绝、完成（及控制台登录）。</param>
/// <param name="BroadcastId">The broadcast concerned; null for a refusal before one existed. 相关通报编号；未生成即被拒绝时为 null。</param>
/// <param name="Origin">Where it came from: <c>api</c>, <c>chat</c>, <c>console</c>, <c>announcement</c>. 来源：接口、聊天、控制台、每日通报。</param>
/// <param name="Detail">The groups reached, or why it was refused; never message content. 涉及的工作群或拒绝原因；从不包含消息内容。</param>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string? BroadcastId, string Origin, string Detail);
