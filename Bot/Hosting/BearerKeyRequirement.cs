namespace ChatPost.Bot.Hosting;


/// <summary>
/// The metadata <see cref="BearerKey.RequireBearerKey"/> puts on an endpoint: which API it belongs to, the setting that
/// holds its key, and how to read the key. The API description reads it too (its security schemes and 401 answers).
/// </summary>
/// <param name="ApiName">The API's name in logs and answers: <c>ingestion</c>, <c>admin</c>.</param>
/// <param name="SettingName">The configuration key of its bearer key, e.g. <c>Ingest:ApiKey</c>.</param>
public sealed record BearerKeyRequirement(string ApiName, string SettingName, Func<IServiceProvider, string> ApiKey);
