using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ResilienceGen.Generator.Parsing;
using ResilienceGen.Generator.Tests.Compiling;
using ResilienceGen.Generator.Tests.Infrastructure;

namespace ResilienceGen.Generator.Tests;

/// <summary>
/// The generator never throws, whatever the input: 1,000 seeded random mutations of valid sources (tokens deleted,
/// duplicated, inserted, swapped; text truncated) run through one driver, as an IDE would while the user types.
/// The parser's last-resort guard must never have fired either, so the guard cannot hide a crash.
/// </summary>
public sealed class FuzzTests
{
    private const int Seed = 20261122;
    private const int Iterations = 1000;

    // Tokens that tend to produce the interesting broken shapes: partial/static/ref mix-ups, broken generics and attributes.
    private static readonly string[] InsertableTokens =
    {
        "partial", "static", "async", "virtual", "override", "new", "ref", "out", "in", "params", "this", "where", "T", "class",
        "struct", "unmanaged", "notnull", "new()", "(", ")", "{", "}", "<", ">", "[", "]", ",", ";", ":", "=", "?", "null",
        "default", "typeof(int)", "typeof(Exception)", "nameof(Missing)", "[WithRetry]", "[CircuitBreaker]", "[WithRetry(MaxRetries = -1)]", "[WithRetry(OnRetry = nameof(T), RetryAfter = \"T\", Fallback = nameof(Task))]", "[CircuitBreaker(Fallback = \"\")]",
        "[WithTimeout(AttemptMs = 100)]", "[WithTimeout(AttemptMs = 5, TotalMs = 1)]", "[WithTimeout]", "[CircuitBreaker(SlowCallDurationMs = -1)]", "CancellationToken", "[CircuitBreaker(KeyBy = \"endpoint.Host\")]", "KeyBy = \"sku.\"", "KeyBy = \"cancellationToken\"", "MaxKeys = 0", ".", "?.", "[WithRetry(BudgetPercent = 20, BudgetMinPerSecond = 0, Budget = \"shared\")]", "[WithRetry(BudgetPercent = -1, Budget = \" \")]",
        "Task", "ValueTask<int>", "int*", "Span<int>", "@event", "__s", "record", "file", "namespace X;", "\"\"", "=>", "1",
    };

    [Fact]
    public void TheGeneratorNeverThrowsOnMutatedSources()
    {
        var random = new Random(Seed);
        string[] seeds = { KitchenSink.Source(nullableEnabled: true), ExampleSource };
        int guardedBefore = MethodParser.GuardedFailures;
        GeneratorDriver driver = GeneratorRun.CreateDriver();
        int runsWithOutput = 0;

        // Swapping the one tree of a base compilation keeps its bound references: much cheaper than a new compilation per run.
        CSharpCompilation compilation = GeneratorRun.Compile(new[] { seeds[0] });

        for (int i = 0; i < Iterations; i++)
        {
            string source = Mutate(seeds[random.Next(seeds.Length)], random);
            compilation = compilation.ReplaceSyntaxTree(
                compilation.SyntaxTrees.Single(),
                CSharpSyntaxTree.ParseText(source, GeneratorRun.ParseOptions(), path: "Fuzzed.cs"));

            driver = driver.RunGenerators(compilation);
            GeneratorDriverRunResult result = driver.GetRunResult();

            GeneratorRunResult generator = result.Results.Single();
            Assert.True(generator.Exception is null, $"iteration {i} threw {generator.Exception}\n{source}");
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "CS8785");
            if (generator.GeneratedSources.Length > 0)
            {
                runsWithOutput++;
            }
        }

        Assert.Equal(guardedBefore, MethodParser.GuardedFailures);

        // Most mutations leave some attributed method intact: the run exercised the parser and emitter, not just the filter.
        Assert.True(runsWithOutput > Iterations / 4, $"only {runsWithOutput} of {Iterations} runs generated anything");
    }

    private static string Mutate(string source, Random random)
    {
        List<string> tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Select(t => t.ToFullString()).ToList();
        int mutations = 1 + random.Next(3);
        for (int m = 0; m < mutations && tokens.Count > 1; m++)
        {
            int at = random.Next(tokens.Count);
            switch (random.Next(5))
            {
                case 0:
                    tokens.RemoveAt(at);
                    break;
                case 1:
                    tokens.Insert(at, tokens[at]);
                    break;
                case 2:
                    tokens.Insert(at, " " + InsertableTokens[random.Next(InsertableTokens.Length)] + " ");
                    break;
                case 3:
                    int other = random.Next(tokens.Count);
                    (tokens[at], tokens[other]) = (tokens[other], tokens[at]);
                    break;
                default:
                    tokens.RemoveRange(at, tokens.Count - at);
                    break;
            }
        }

        return string.Concat(tokens);
    }

    private const string ExampleSource = """
        using System;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        using ResilienceGen;

        namespace Shop;

        public sealed record Stock(string Sku, int Quantity);

        public partial class InventoryClient(HttpClient http, ILogger<InventoryClient> logger)
        {
            [WithRetry(MaxRetries = 4, BaseDelayMs = 100, Handle = [typeof(HttpRequestException)], ShouldHandle = nameof(IsTransient))]
            [CircuitBreaker("inventory", FailureThreshold = 5, BreakDurationMs = 30_000)]
            public partial Task<Stock> GetStockAsync(string sku, CancellationToken cancellationToken = default);

            [WithRetry]
            public static partial ValueTask<T> EchoAsync<T>(T value) where T : class, new();

            [WithTimeout(AttemptMs = 2_000, TotalMs = 10_000)]
            [CircuitBreaker("quotes", SlowCallDurationMs = 1_500)]
            public partial Task<int> QuoteAsync(string sku, CancellationToken cancellationToken = default);

            private Task<int> QuoteCoreAsync(string sku, CancellationToken cancellationToken) => Task.FromResult(sku.Length);

            [WithTimeout(AttemptMs = 500)]
            [CircuitBreaker("timed-hosts", KeyBy = "endpoint.Host")]
            public partial Task<Stock> GetTimedAtAsync(Uri endpoint, CancellationToken cancellationToken = default);

            private Task<Stock> GetTimedAtCoreAsync(Uri endpoint, CancellationToken cancellationToken) => Task.FromResult(new Stock("timed", 1));

            [CircuitBreaker("hosts", KeyBy = "endpoint.Host", MaxKeys = 10)]
            public partial Task<Stock> GetAtAsync(Uri endpoint, string sku, CancellationToken cancellationToken = default);

            private Task<Stock> GetAtCoreAsync(Uri endpoint, string sku, CancellationToken cancellationToken) => Task.FromResult(new Stock(sku, 1));

            private bool IsTransient(Exception exception) => exception is HttpRequestException;

            private Task<Stock> GetStockCoreAsync(string sku, CancellationToken cancellationToken)
                => Task.FromResult(new Stock(sku, http.Timeout.Seconds));

            private static ValueTask<T> EchoCoreAsync<T>(T value) where T : class, new() => new(value);

            public partial struct Nested<TItem>
            {
                [CircuitBreaker]
                public static partial Task<TItem[]> AllAsync(params TItem[] items);

                private static Task<TItem[]> AllCoreAsync(TItem[] items) => Task.FromResult(items);
            }
        }
        """;
}
