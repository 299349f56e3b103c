using System.Text;

namespace ResilienceGen.Benchmarks.Generators;

/// <summary>
/// One shape of generator input, written twice with the same number of methods: once for ResilienceGen and once for
/// the LoggerMessage generator. The shape is the containing type's: static or instance methods, an <c>ILogger</c>
/// member or not, how many attributed methods per type; and, for ResilienceGen, one attribute per method
/// ([WithRetry]) or all three ([WithTimeout], [WithRetry], [CircuitBreaker]). LoggerMessage has one attribute kind,
/// so its corpus is the same for both attribute counts: the comparison is at equal method counts.
/// </summary>
internal readonly record struct CorpusShape(bool Static, bool LoggerMember, int MethodsPerType, int Attributes)
{
    /// <summary>Every shape the issue names: 2 × 2 × 3 × 2 = 24.</summary>
    public static IEnumerable<CorpusShape> All()
    {
        foreach (bool isStatic in new[] { true, false })
        {
            foreach (bool loggerMember in new[] { true, false })
            {
                foreach (int perType in new[] { 1, 10, 50 })
                {
                    foreach (int attributes in new[] { 1, 3 })
                    {
                        yield return new CorpusShape(isStatic, loggerMember, perType, attributes);
                    }
                }
            }
        }
    }

    /// <summary>e.g. <c>static/logger/10 per type/3 attr</c>; what <c>--shape</c> filters on.</summary>
    public string Name =>
        $"{(Static ? "static" : "instance")}/{(LoggerMember ? "logger" : "no-logger")}/{MethodsPerType} per type/{Attributes} attr";

    /// <summary>The file whose method body the IDE case edits: the middle type's.</summary>
    public static string FileName(string prefix, int type) => $"{prefix}{type:D4}.cs";

    public static int TypeCount(int methods, int perType) => (methods + perType - 1) / perType;

    /// <summary>ResilienceGen input: each method has its Core body beside it, as the generator requires.</summary>
    public IEnumerable<(string FileName, string Text)> ResilienceGenFiles(int methods, int bodyVersion = 0, int editedType = -1)
    {
        int types = TypeCount(methods, MethodsPerType);
        for (int type = 0; type < types; type++)
        {
            yield return (FileName("Client", type), ResilienceGenType(type, methods, type == editedType ? bodyVersion : 0));
        }
    }

    /// <summary>
    /// One ResilienceGen type. <paramref name="bodyVersion"/> changes one thing: the body of the type's first Core
    /// method (the IDE case's edit, a keystroke inside a method body).
    /// </summary>
    public string ResilienceGenType(int type, int methods, int bodyVersion)
    {
        string name = $"Client{type:D4}";
        string member = Static ? "static " : string.Empty;
        var text = new StringBuilder()
            .AppendLine("using System;")
            .AppendLine("using System.Threading;")
            .AppendLine("using System.Threading.Tasks;")
            .AppendLine("using Microsoft.Extensions.Logging;")
            .AppendLine("using ResilienceGen;")
            .AppendLine()
            .AppendLine("namespace Corpus.Shapes;")
            .AppendLine()
            .AppendLine($"public {member}partial class {name}")
            .AppendLine("{");
        if (LoggerMember)
        {
            text.AppendLine(Static
                ? "    private static readonly ILogger s_logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;"
                : "    private readonly ILogger _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;");
        }

        int first = type * MethodsPerType;
        for (int method = first; method < Math.Min(first + MethodsPerType, methods); method++)
        {
            text.AppendLine();
            if (Attributes == 3)
            {
                text.AppendLine("    [WithTimeout(AttemptMs = 2_000)]");
            }

            text.AppendLine("    [WithRetry(MaxRetries = 3, BaseDelayMs = 100)]");
            if (Attributes == 3)
            {
                text.AppendLine("    [CircuitBreaker(FailureThreshold = 5)]");
            }

            string extra = method == first && bodyVersion != 0 ? $" + {bodyVersion}" : string.Empty;
            text.AppendLine($"    public {member}partial Task<int> Get{method:D4}Async(int id, string region, CancellationToken cancellationToken = default);")
                .AppendLine()
                .AppendLine($"    private {member}Task<int> Get{method:D4}CoreAsync(int id, string region, CancellationToken cancellationToken) => Task.FromResult(id + region.Length{extra});");
        }

        return text.AppendLine("}").ToString();
    }

    /// <summary>
    /// LoggerMessage input with the same method count and type shape. A static method takes its logger as a
    /// parameter (LoggerMessage requires one; the static member, when the shape has it, sits unused beside it); an
    /// instance method uses the logger field when the shape has one, else takes a parameter.
    /// Each type also has one ordinary method with a body, the IDE case's edit target.
    /// </summary>
    public IEnumerable<(string FileName, string Text)> LoggerMessageFiles(int methods, int bodyVersion = 0, int editedType = -1)
    {
        int types = TypeCount(methods, MethodsPerType);
        for (int type = 0; type < types; type++)
        {
            yield return (FileName("Log", type), LoggerMessageType(type, methods, type == editedType ? bodyVersion : 0));
        }
    }

    public string LoggerMessageType(int type, int methods, int bodyVersion)
    {
        string name = $"Log{type:D4}";
        string member = Static ? "static " : string.Empty;
        var text = new StringBuilder()
            .AppendLine("using Microsoft.Extensions.Logging;")
            .AppendLine()
            .AppendLine("namespace Corpus.Logging;")
            .AppendLine()
            .AppendLine($"public {member}partial class {name}")
            .AppendLine("{");
        if (LoggerMember)
        {
            text.AppendLine(Static
                ? "    private static readonly ILogger s_logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;"
                : "    private readonly ILogger _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;");
        }

        text.AppendLine()
            .AppendLine($"    private {member}int Version() => {bodyVersion};");
        string loggerParameter = Static || !LoggerMember ? "ILogger logger, " : string.Empty;
        int first = type * MethodsPerType;
        for (int method = first; method < Math.Min(first + MethodsPerType, methods); method++)
        {
            text.AppendLine()
                .AppendLine($"    [LoggerMessage(EventId = {method}, Level = LogLevel.Information, Message = \"Item {{Id}} in {{Region}}\")]")
                .AppendLine($"    public {member}partial void Item{method:D4}({loggerParameter}int id, string region);");
        }

        return text.AppendLine("}").ToString();
    }
}
