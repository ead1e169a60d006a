using BulkInvite.Server.Hosting;
using BulkInvite.Server.Security;
using BulkInvite.Server.Web;

var builder = WebApplication.CreateBuilder(args);
if (TokenCommand.Matches(args))
{
    return TokenCommand.Run(args, builder.Configuration, builder.Environment);
}

builder.UseHttp2Endpoints();
builder.UseClientCertificateAuthority();
builder.Services.AddBulkInvite();

var app = builder.Build();
app.RequireSafeTokenSettings();
app.PrepareBulkInviteStorage();
app.UseWebPage();
app.MapBulkInviteServices();
app.Run();
return 0;

/// <summary>The entry point; public so integration tests can host it.</summary>
public partial class Program;
