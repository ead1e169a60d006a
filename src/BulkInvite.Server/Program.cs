using BulkInvite.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.UseHttp2Endpoints();
builder.Services.AddBulkInvite();

var app = builder.Build();
app.PrepareBulkInviteStorage();
app.MapBulkInviteServices();
app.Run();

/// <summary>The entry point; public so integration tests can host it.</summary>
public partial class Program;
