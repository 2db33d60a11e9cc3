using System.Text.Json.Serialization;

namespace ChatPost.Bot.Audit;

/// <summary>Source-generated JSON for audit lines in storage (the same shape <c>GET /api/audit</c> answers).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AuditEntry))]
internal sealed partial class AuditJsonContext : JsonSerializerContext
{
    /// <summary>The line as stored in an audit stream's <c>e</c> field.</summary>
    public static string Serialize(AuditEntry entry) => System.Text.Json.JsonSerializer.Serialize(entry, Default.AuditEntry);

    /// <summary>The line of an audit stream's <c>e</c> field; null when it is not one.</summary>
    public static AuditEntry? Deserialize(string? json) =>
        string.IsNullOrEmpty(json) ? null : System.Text.Json.JsonSerializer.Deserialize(json, Default.AuditEntry);
}
