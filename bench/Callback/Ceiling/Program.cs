// The ceiling: Kestrel and a minimal API that answer every push with an empty 200, on the same machine and settings
// as ChatPost (Production, server GC, logging at Warning), so the figure is what HTTP alone costs under this load.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapPost("/wechat/mp", static () => TypedResults.Ok());
app.MapGet("/healthz", static () => TypedResults.Text("Healthy"));
app.Run();
