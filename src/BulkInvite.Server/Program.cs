using BulkInvite.Server.Hosting;
using BulkInvite.Server.Security;
using BulkInvite.Server.Web;

var builder = WebApplication.CreateBuilder(ServerCommandLine.HostArguments(args));
if (ServerCommandLine.Invoke(args, builder.Configuration, builder.Environment) is { } exitCode)
{
    return exitCode; // `token` or `--help`: a command, not the server
}

builder.UseHttp2Endpoints();
builder.UseClientCertificateAuthority();
builder.Services.AddBulkInvite();
builder.AddBulkInviteTelemetry();

var app = builder.Build();
return StartupFailures.Run(() =>
{
    app.ValidateBulkInviteSettings();
    app.RequireFreePorts();
    app.PrepareBulkInviteStorage();
    app.UseWebPage();
    app.MapBulkInviteServices();
    app.MapBulkInviteTelemetry();
    app.Run();
});

/// <summary>The entry point; public so integration tests can host it.</summary>
public partial class Program;
