using ChatPost.Bot.Admin;
using ChatPost.Bot.ApiDocs;
using ChatPost.Bot.Announcements;
using ChatPost.Bot.Broadcasts;
using ChatPost.Bot.Channels;
using ChatPost.Bot.Console;
using ChatPost.Bot.Demo;
using ChatPost.Bot.Dialogs;
using ChatPost.Bot.Hosting;
using ChatPost.Bot.Ingestion;
using ChatPost.Bot.Knowledge;
using ChatPost.Bot.Notifications;
using ChatPost.Bot.Scheduling;
using ChatPost.Bot.Storage;
using ChatPost.Bot.Warmup;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddStorage();
builder.AddWeChatChannels();
builder.Services.AddDialogs();
builder.AddKnowledge();
builder.AddIngestion();
builder.AddNotifications();
builder.AddDailyProgress();
builder.AddBroadcasts();
builder.AddScheduling();
builder.AddAdminApi();
builder.AddDemo();
builder.AddConsole();
builder.AddApiDocs();
builder.AddStartupWarmup();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapWeChatEndpoints();
app.MapIngestionEndpoints();
app.MapAdminApi();
app.MapDemoEndpoints(app.Environment);
app.MapConsole();
app.MapApiDocs();
return app.RunOrExplain();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
