using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ResilienceGen.Analyzers.Tests.Robustness;

/// <summary>
/// Seeded, token-level mutations of C# source: delete, duplicate, swap, or insert/replace with fragments chosen to
/// hit the validator's edges (modifiers, ref kinds, odd types, broken attribute values, stray braces).
/// </summary>
public sealed class SourceMutator(int seed)
{
    private static readonly string[] Fragments =
    {
        "partial", "static", "ref", "out", "in", "params", "async", "public", "private", "internal", "protected",
        "virtual", "override", "abstract", "extern", "unsafe", "new", "sealed", "readonly", "scoped",
        "struct", "class", "record", "interface", "record struct",
        "Task", "Task<int>", "ValueTask", "ValueTask<string?>", "int", "void", "string", "object", "dynamic",
        "CancellationToken", "CancellationToken ct", "Span<int> s", "int* p", "delegate*<void> f", "__arglist", "T", "U",
        "<T>", "<T, U>", "where T : class", "where T : struct", "where T : allows ref struct",
        "[WithRetry]", "[CircuitBreaker]", "[WithRetry(MaxRetries = -1)]", "[WithRetry(MaxRetries = 1000, JitterFactor = double.NaN)]",
        "[WithRetry(BaseDelayMs = 100000)]", "[WithRetry(Backoff = (BackoffKind)77)]", "[CircuitBreaker(\"\")]", "[CircuitBreaker(null)]",
        "[CircuitBreaker(\"shared\", FailureThreshold = 2)]", "[CircuitBreaker(\"shared\", FailureRatio = 2)]",
        "[WithRetry(Handle = [typeof(string), null])]", "[WithRetry(Handle = new[] { typeof(Failed<>) })]", "[WithRetry(Ignore = [typeof(T)])]",
        "[WithRetry(ShouldHandle = \"\")]", "[WithRetry(ShouldHandle = nameof(IsTransient))]", "[CircuitBreaker(ShouldHandle = \"Missing\")]",
        "[WithRetry(Nope = 1)]", "[WithRetry(MaxRetries = \"x\")]", "[CircuitBreaker(1, 2)]",
        "[WithRetry(BudgetPercent = 20, Budget = \"shared\")]", "[WithRetry(BudgetPercent = 10, Budget = \"shared\")]",
        "[WithRetry(BudgetPercent = double.NaN, BudgetMinPerSecond = -1, Budget = \"\")]",
        "GetAsync", "GetCoreAsync", "Get", "GetCore", "IsTransient", "Failed<int>",
        "{", "}", "(", ")", "[", "]", ";", ",", "<", ">", "=", "=>", "?", "default", "null", "throw null!",
        "namespace Other;", "#if X", "#endif", "/*", "\"", "@", "global::", "this", "operator", "implicit",
    };

    private readonly Random _random = new(seed);

    public string Mutate(string source)
    {
        var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens(descendIntoTrivia: false)
            .Select(t => t.ToFullString()).ToList();
        var edits = 1 + _random.Next(3);
        for (var i = 0; i < edits && tokens.Count > 1; i++)
        {
            var at = _random.Next(tokens.Count);
            switch (_random.Next(5))
            {
                case 0:
                    tokens.RemoveAt(at);
                    break;
                case 1:
                    tokens.Insert(at, tokens[at]);
                    break;
                case 2:
                    (tokens[at], tokens[tokens.Count - 1 - at]) = (tokens[tokens.Count - 1 - at], tokens[at]);
                    break;
                case 3:
                    tokens.Insert(at, " " + Fragment() + " ");
                    break;
                default:
                    tokens[at] = " " + Fragment() + " ";
                    break;
            }
        }

        return string.Concat(tokens);
    }

    private string Fragment() => Fragments[_random.Next(Fragments.Length)];
}
