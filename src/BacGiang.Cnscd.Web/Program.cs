using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Web.Commands;
using BacGiang.Cnscd.Web.Hosting;
using Serilog;

// Command-line verbs (migrate, seed-demo, seed, seed-units, create-admin) share the host's configuration
// and services; without a verb the portal runs. An unknown verb is refused (exit code 2) before anything listens.
if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args);
}

Log.Logger = PortalLogging.Bootstrap();
try
{
    var app = PortalHost.Build(args);
    await app.RunAsync();
    return 0;
}
catch (DatabaseConfigurationException ex)
{
    // One clear line that names the setting; the stack trace would only hide it.
    Log.Fatal("Portal not started: {Reason}", ex.Message);
    return 2;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "Portal stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
