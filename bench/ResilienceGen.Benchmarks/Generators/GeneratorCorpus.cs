using System.Text;

namespace ResilienceGen.Benchmarks.Generators;

/// <summary>
/// The input both generators are timed on: <see cref="Types"/> files, each one type with
/// <see cref="MethodsPerType"/> attributed partial methods (2,000 methods in all), plus one file that has nothing
/// to do with either generator, the target of the "unrelated edit".
/// </summary>
internal static class GeneratorCorpus
{
    public const int Types = 100;
    public const int MethodsPerType = 20;
    public const string UnrelatedFileName = "Unrelated.cs";

    /// <summary>
    /// ResilienceGen input, as a user writes it: retry + breaker on each method (the usual pairing, and the
    /// most work for the generator), the body beside it, a logger field the generator has to find.
    /// </summary>
    public static IEnumerable<(string FileName, string Text)> ResilienceGenFiles()
    {
        for (int type = 0; type < Types; type++)
        {
            var text = new StringBuilder()
                .AppendLine("using System.Threading;")
                .AppendLine("using System.Threading.Tasks;")
                .AppendLine("using Microsoft.Extensions.Logging;")
                .AppendLine("using ResilienceGen;")
                .AppendLine()
                .AppendLine("namespace Corpus.Clients;")
                .AppendLine()
                .AppendLine($"public partial class Client{type:D3}(ILogger<Client{type:D3}> logger)")
                .AppendLine("{")
                .AppendLine("    private readonly ILogger _logger = logger;");
            for (int method = 0; method < MethodsPerType; method++)
            {
                text.AppendLine()
                    .AppendLine($"    [WithRetry(MaxRetries = 3, BaseDelayMs = 100, Handle = [typeof(System.TimeoutException)])]")
                    .AppendLine($"    [CircuitBreaker(\"client{type:D3}\", FailureThreshold = 5)]")
                    .AppendLine($"    public partial Task<int> Get{method:D2}Async(int id, string region, CancellationToken cancellationToken = default);")
                    .AppendLine()
                    .AppendLine($"    private Task<int> Get{method:D2}CoreAsync(int id, string region, CancellationToken cancellationToken) => Task.FromResult(id + region.Length);");
            }

            text.AppendLine("}");
            yield return ($"Client{type:D3}.cs", text.ToString());
        }
    }

    /// <summary>LoggerMessage input of the same size: 2,000 <c>[LoggerMessage]</c> methods in 100 static classes.</summary>
    public static IEnumerable<(string FileName, string Text)> LoggerMessageFiles()
    {
        for (int type = 0; type < Types; type++)
        {
            var text = new StringBuilder()
                .AppendLine("using Microsoft.Extensions.Logging;")
                .AppendLine()
                .AppendLine("namespace Corpus.Logging;")
                .AppendLine()
                .AppendLine($"public static partial class Log{type:D3}")
                .AppendLine("{");
            for (int method = 0; method < MethodsPerType; method++)
            {
                int eventId = (type * MethodsPerType) + method;
                text.AppendLine()
                    .AppendLine($"    [LoggerMessage(EventId = {eventId}, Level = LogLevel.Information, Message = \"Item {{Id}} in {{Region}} took {{ElapsedMs}} ms\")]")
                    .AppendLine($"    public static partial void Item{method:D2}(ILogger logger, int id, string region, long elapsedMs);");
            }

            text.AppendLine("}");
            yield return ($"Log{type:D3}.cs", text.ToString());
        }
    }

    /// <summary>The unrelated file before and after the edit: a method body changes, nothing either generator reads.</summary>
    public static string UnrelatedFile(int version) =>
        $$"""
        namespace Corpus;

        internal static class Unrelated
        {
            public static int Version() => {{version}};
        }
        """;
}
