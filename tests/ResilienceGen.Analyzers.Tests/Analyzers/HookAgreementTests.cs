using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ResilienceGen.Analyzers.Tests.Infrastructure;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

/// <summary>
/// The validator is the rule book for hooks: every hook it accepts, the generator wires into a real wrapper (no throwing
/// stub, no error anywhere in the build). A disagreement would be a stub that throws at run time with nothing reported.
/// </summary>
public class HookAgreementTests
{
    private const string Wrapper = """
        public partial Task<string> GetAsync(string sku, CancellationToken cancellationToken);
        private Task<string> GetCoreAsync(string sku, CancellationToken cancellationToken) => Task.FromResult(sku);
        """;

    [Theory]
    [InlineData("[WithRetry(OnRetry = nameof(Hook))]", "private void Hook(int attempt, TimeSpan delay, Exception exception) { }")]
    [InlineData("[WithRetry(OnRetry = nameof(Hook))]", "internal static void Hook(int n, TimeSpan wait, Exception? error) { }")]
    [InlineData("[WithRetry(OnRetry = nameof(Hook))]", "private void Hook(string text) { } private void Hook(int attempt, TimeSpan delay, Exception exception) { }")]
    [InlineData("[WithRetry(RetryAfter = nameof(Hook))]", "private TimeSpan? Hook(Exception exception) => null;")]
    [InlineData("[WithRetry(RetryAfter = nameof(Hook))]", "private static TimeSpan? Hook(Exception? exception) => null;")]
    [InlineData("[WithRetry(Fallback = nameof(Hook))]", "private Task<string> Hook(string sku, CancellationToken cancellationToken, Exception exception) => Task.FromResult(sku);")]
    [InlineData("[CircuitBreaker(Fallback = nameof(Hook))]", "private static Task<string> Hook(string id, CancellationToken token, Exception? error) => Task.FromResult(id);")]
    [InlineData("[WithRetry(Fallback = nameof(Hook))][CircuitBreaker(Fallback = nameof(Hook))]", "protected virtual Task<string> Hook(string sku, CancellationToken cancellationToken, Exception exception) => Task.FromResult(sku);")]
    [InlineData("[WithRetry(Fallback = nameof(Hook))]", "private Task<string> Hook(string? sku, CancellationToken cancellationToken, Exception exception) => Task.FromResult(sku ?? string.Empty);")]
    public Task An_accepted_hook_gets_a_real_wrapper(string attributes, string hook)
        => AssertWrapperWithoutErrors(InClient(attributes + "\n" + Wrapper + "\n" + hook));

    [Fact]
    public Task A_protected_hook_of_a_base_type_gets_a_real_wrapper()
        => AssertWrapperWithoutErrors(InNamespace("""
            public class Base
            {
                protected static void LogRetry(int attempt, TimeSpan delay, Exception exception) { }
                protected Task<string> GetFallbackAsync(string sku, CancellationToken cancellationToken, Exception exception) => Task.FromResult(sku);
            }
            public partial class Client : Base
            {
                [WithRetry(OnRetry = "LogRetry", Fallback = "GetFallbackAsync")]
                public partial Task<string> GetAsync(string sku, CancellationToken cancellationToken);
                private Task<string> GetCoreAsync(string sku, CancellationToken cancellationToken) => Task.FromResult(sku);
            }
            """));

    [Fact]
    public Task A_generic_fallback_with_renamed_type_parameters_gets_a_real_wrapper()
        => AssertWrapperWithoutErrors(InClient("""
            [WithRetry(Fallback = nameof(EchoFallbackAsync))]
            public static partial ValueTask<TValue> EchoAsync<TValue>(TValue value, CancellationToken cancellationToken) where TValue : struct;
            private static ValueTask<TValue> EchoCoreAsync<TValue>(TValue value, CancellationToken cancellationToken) where TValue : struct => new(value);
            private static ValueTask<U> EchoFallbackAsync<U>(U value, CancellationToken cancellationToken, Exception exception) where U : struct => new(value);
            """));

    /// <summary>
    /// The build reports nothing (no diagnostic of ours, no compiler error) and, in every compilation the test builds,
    /// the generator wrote a real wrapper that passes each hook by name.
    /// </summary>
    private static Task AssertWrapperWithoutErrors(string source)
        => new ResilienceGenTest<EmptyCodeFixProvider> { TestCode = source, CompilationCheck = compilation => AssertRealWrapper(source, compilation) }.RunAsync();

    private static void AssertRealWrapper(string source, Compilation compilation)
    {
        var generated = compilation.SyntaxTrees.Where(t => t.FilePath.Contains(nameof(ResilienceGen.Generator.ResilienceGenerator), StringComparison.Ordinal))
            .Select(t => t.ToString()).ToList();
        Assert.NotEmpty(generated);
        var stubs = generated.Where(text => text.Contains("ResilienceGen: RG", StringComparison.Ordinal)
            || text.Contains("ResilienceGen: CS", StringComparison.Ordinal)).ToList();
        Assert.True(stubs.Count == 0, "The generator emitted a throwing stub for a hook the validator accepts:" + Environment.NewLine + string.Join(Environment.NewLine, stubs));

        // The contract passes each hook to the entry point by name (onRetry: ..., retryAfter: ..., fallback: ...).
        var text = string.Join(Environment.NewLine, generated);
        foreach (var (property, argument) in new[] { ("OnRetry =", "onRetry:"), ("RetryAfter =", "retryAfter:"), ("Fallback =", "fallback:") })
        {
            if (source.Contains(property, StringComparison.Ordinal))
            {
                Assert.True(text.Contains(argument, StringComparison.Ordinal), $"The wrapper does not pass '{argument}':{Environment.NewLine}{text}");
            }
        }
    }
}
