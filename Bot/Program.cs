using ChatPost.Bot.Channels;
using ChatPost.Bot.Demo;
using ChatPost.Bot.Dialogs;
using ChatPost.Bot.Hosting;
using ChatPost.Bot.Ingestion;
using ChatPost.Bot.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddStorage();
builder.AddWeChatChannels();
builder.Services.AddDialogs();
builder.AddIngestion();
builder.AddDemo();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapWeChatEndpoints();
app.MapIngestionEndpoints();
app.MapDemoEndpoints(app.Environment);
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
