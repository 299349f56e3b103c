using ResilienceGen.Analyzers.Tests.Infrastructure;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

/// <summary>The declarations API.md promises to support build without any diagnostic of ours and without errors.</summary>
public class ValidDeclarationTests
{
    [Fact]
    public void The_API_example_builds_clean()
    {
        var diagnostics = AnalyzerRun.AllDiagnostics(InClient("""
            [WithRetry(MaxRetries = 4, BaseDelayMs = 100, Handle = [typeof(TimeoutException)])]
            [CircuitBreaker("inventory", FailureThreshold = 5, BreakDurationMs = 30_000)]
            public partial Task<int> GetStockAsync(string sku, CancellationToken cancellationToken = default);
            private Task<int> GetStockCoreAsync(string sku, CancellationToken cancellationToken) => Task.FromResult(sku.Length);
            """));
        Assert.True(diagnostics.All(d => d.Severity < Microsoft.CodeAnalysis.DiagnosticSeverity.Warning), Expect.Describe(diagnostics));
        Assert.Empty(Expect.Ours(diagnostics));
    }

    [Fact]
    public void Generic_static_nested_and_keyword_named_declarations_build_clean()
    {
        var diagnostics = AnalyzerRun.AllDiagnostics(InNamespace("""
            public static partial class Outer
            {
                public partial class Inner<TKey> where TKey : notnull
                {
                    [WithRetry(ShouldHandle = nameof(IsTransient))]
                    public static partial ValueTask<TValue?> FindAsync<TValue>(TKey @event, CancellationToken cancellationToken) where TValue : class;
                    private static ValueTask<TValue?> FindCoreAsync<TValue>(TKey @event, CancellationToken cancellationToken) where TValue : class => default;
                    private static bool IsTransient(Exception exception) => exception is TimeoutException;
                }
            }
            """));
        Assert.True(diagnostics.All(d => d.Severity < Microsoft.CodeAnalysis.DiagnosticSeverity.Warning), Expect.Describe(diagnostics));
    }
}
