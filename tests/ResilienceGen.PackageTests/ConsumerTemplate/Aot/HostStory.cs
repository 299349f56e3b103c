using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResilienceGen;
using ResilienceGen.Hosting;

namespace Consumer.Aot;

/// <summary>
/// The hosting package in a native Generic Host (issue 18): AddResilienceGen with a configuration section, the
/// breaker health check, start, a call through a generated wrapper, the health report, stop.
/// </summary>
public static class HostStory
{
    public static async Task RunAsync()
    {
        ILoggerFactory before = Resilience.LoggerFactory;

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders(); // the story's output is checked line by line: no console log lines
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ResilienceGen:Methods:Consumer.Aot.HostedStock.GetAsync:MaxRetries"] = "1",
        });
        builder.Services.AddResilienceGen(builder.Configuration.GetSection("ResilienceGen"));
        builder.Services.AddHealthChecks().AddResilienceGenBreakers();

        using IHost host = builder.Build();
        await host.StartAsync();
        bool containerLoggers = ReferenceEquals(Resilience.LoggerFactory, host.Services.GetRequiredService<ILoggerFactory>());
        Console.WriteLine($"host: started, container logger factory={containerLoggers}");

        // Declared without retries; the section's MaxRetries=1 absorbs the one failure.
        var stock = new HostedStock(failuresBeforeSuccess: 1);
        Console.WriteLine($"host: stock={await stock.GetAsync("sku-9", CancellationToken.None)} attempts={stock.Attempts}");

        HealthReport report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        HealthReportEntry entry = report.Entries[ResilienceGenHealthChecksBuilderExtensions.DefaultName];
        string data = string.Join(",", entry.Data.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));
        Console.WriteLine($"host: health {report.Status} ({entry.Description}) {data}");

        await host.StopAsync();
        Console.WriteLine($"host: stopped, logger factory restored={ReferenceEquals(Resilience.LoggerFactory, before)}");
    }
}
