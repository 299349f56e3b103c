using Microsoft.CodeAnalysis;
using ResilienceGen.Generator.Tests.Infrastructure;

namespace ResilienceGen.Generator.Tests;

/// <summary>
/// One mistake, one error: for an invalid declaration the generator writes a throwing stub with the same signature
/// (so the compiler adds no CS8795 to the analyzer's error) or, where another part would clash, nothing at all.
/// These compilations run without the analyzers, so what is left must compile: zero errors of the compiler's own.
/// </summary>
public sealed class InvalidDeclarationTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using ResilienceGen;

        namespace Broken;

        """;

    [Theory]
    [InlineData("RG0003", "[WithRetry] public partial Task RunAsync();")]
    [InlineData("RG0004", "[WithRetry] public partial Task RunAsync(int id); private Task RunCoreAsync(string id) => Task.CompletedTask;")]
    [InlineData("RG0002", "[WithRetry] public partial int Run(); private int RunCore() => 1;")]
    [InlineData("RG0005", "[WithRetry] public partial Task RunAsync(ref int value); private Task RunCoreAsync(ref int value) => Task.CompletedTask;")]
    [InlineData("RG0005", "[WithRetry] public partial Task RunAsync(out int value); private Task RunCoreAsync(out int value) { value = 1; return Task.CompletedTask; }")]
    [InlineData("RG0005", "[WithRetry] public unsafe partial Task RunAsync(int* value); private unsafe Task RunCoreAsync(int* value) => Task.CompletedTask;")]
    [InlineData("RG0005", "[WithRetry] public partial Task RunAsync(Span<int> values); private Task RunCoreAsync(Span<int> values) => Task.CompletedTask;")]
    [InlineData("RG0008", "[WithRetry(Handle = [typeof(string)])] public partial Task RunAsync(); private Task RunCoreAsync() => Task.CompletedTask;")]
    [InlineData("RG0009", "[WithRetry(ShouldHandle = \"Missing\")] public partial Task RunAsync(); private Task RunCoreAsync() => Task.CompletedTask;")]
    [InlineData("RG0007", "[WithRetry(MaxRetries = -1)] public partial Task RunAsync(); private Task RunCoreAsync() => Task.CompletedTask;")]
    [InlineData("RG0013", "[WithRetry(OnRetry = \"Missing\")] public partial Task RunAsync(); private Task RunCoreAsync() => Task.CompletedTask;")]
    [InlineData("RG0013", "[WithRetry(OnRetry = nameof(Seen))] public static partial Task RunAsync(); private static Task RunCoreAsync() => Task.CompletedTask; private void Seen(int a, TimeSpan d, Exception e) { }")]
    [InlineData("RG0015", "[WithRetry(RetryAfter = nameof(After))] public partial Task RunAsync(); private Task RunCoreAsync() => Task.CompletedTask; private TimeSpan After(Exception e) => default;")]
    [InlineData("RG0014", "[WithRetry(Fallback = nameof(Fb))] public partial Task<int> RunAsync(int id); private Task<int> RunCoreAsync(int id) => Task.FromResult(id); private Task<long> Fb(int id, Exception e) => Task.FromResult(0L);")]
    [InlineData("RG0014", "[WithRetry(Fallback = nameof(A))][CircuitBreaker(Fallback = nameof(B))] public partial Task RunAsync(); private Task RunCoreAsync() => Task.CompletedTask; private Task A(Exception e) => Task.CompletedTask; private Task B(Exception e) => Task.CompletedTask;")]
    public void InvalidPartialDefinitionsGetAThrowingStub(string expectedId, string members)
    {
        GeneratorRun run = GeneratorRun.Of(Usings + "public partial class Service\n{\n    " + members + "\n}\n");
        run.AssertGeneratorDidNotFail();

        string generated = run.SingleFile();
        Assert.Contains($"throw new global::System.InvalidOperationException(\"ResilienceGen: {expectedId}: fix the declaration; see the build error.\");", generated);
        Assert.DoesNotContain("ResilientInvoker", generated);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void InstanceMethodOfAStructGetsAStub()
    {
        GeneratorRun run = GeneratorRun.Of(Usings + """
            public partial struct Point
            {
                [WithRetry] public partial Task RunAsync();
                private Task RunCoreAsync() => Task.CompletedTask;
            }
            """);

        Assert.Contains("RG0006", run.SingleFile());
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void StubSnapshot()
    {
        GeneratorRun run = GeneratorRun.Of(Usings + """
            public partial class Service
            {
                [WithRetry]
                [CircuitBreaker]
                public partial Task<T?> FindAsync<T>(string key, params int[] values) where T : class;
            }
            """);

        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Snapshot.VerifyGenerated(run);
    }

    [Theory]
    [InlineData("not partial", "public partial class Service { [WithRetry] public Task RunAsync() => Task.CompletedTask; private Task RunCoreAsync() => Task.CompletedTask; }")]
    [InlineData("implemented by the user", "public partial class Service { [WithRetry] public partial Task RunAsync(); public partial Task RunAsync() => Task.CompletedTask; private Task RunCoreAsync() => Task.CompletedTask; }")]
    [InlineData("type not partial", "public class Service { [WithRetry] public partial Task RunAsync(); private Task RunCoreAsync() => Task.CompletedTask; }")]
    [InlineData("nested in a type that is not partial", "public class Outer { public partial class Service { [WithRetry] public partial Task RunAsync(); private Task RunCoreAsync() => Task.CompletedTask; } }")]
    public void DeclarationsThatCannotTakeAnImplementationGetNothing(string because, string source)
    {
        GeneratorRun run = GeneratorRun.Of(Usings + source);
        run.AssertGeneratorDidNotFail();

        Assert.True(run.GeneratedSources.IsEmpty, because);
    }

    [Theory]
    [InlineData("public partial class Service { [WithRetry] public partial Task RunAsync(Missing value); }")]
    [InlineData("public partial class Service { [WithRetry] public partial Missing RunAsync(); }")]
    [InlineData("public partial class Service { [WithRetry] partial Task RunAsync(Missing value); }")]
    public void AnUnknownTypeInTheSignatureLeavesExactlyTheCompilersOwnErrors(string source)
    {
        // A stub would repeat the signature, and CS0246 with it; without one the build says what plain C# says.
        AssertExactlyTheCompilersErrors(Usings + source);
    }

    [Fact]
    public void MissingAccessibilityOnANonVoidPartialLeavesTheCompilersOneError()
    {
        string source = Usings + "public partial class Service { [WithRetry] partial Task RunAsync(); private Task RunCoreAsync() => Task.CompletedTask; }";

        string[] errors = AssertExactlyTheCompilersErrors(source);
        Assert.Equal(new[] { "CS8796" }, errors);
    }

    [Fact]
    public void AnUnresolvableHookGetsAStubSoTheCompilersErrorStandsAlone()
    {
        // The hook's own signature names an unknown type: the compiler reports it (once); the stub spares CS8795.
        GeneratorRun run = GeneratorRun.Of(Usings + """
            public partial class Service
            {
                [WithRetry(OnRetry = nameof(Seen))] public partial Task RunAsync();
                private Task RunCoreAsync() => Task.CompletedTask;
                private void Seen(int attempt, TimeSpan delay, Missing exception) { }
            }
            """);
        run.AssertGeneratorDidNotFail();

        Assert.Contains("throw new global::System.InvalidOperationException", run.SingleFile());
        Assert.Equal(new[] { "CS0246" }, run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ToArray());
    }

    /// <summary>The errors with the generator are exactly (ids, count and places) those of the same source without it.</summary>
    private static string[] AssertExactlyTheCompilersErrors(string source)
    {
        GeneratorRun run = GeneratorRun.Of(source);
        run.AssertGeneratorDidNotFail();

        Assert.True(run.GeneratedSources.IsEmpty, "a file was generated:\n" + string.Join("\n", run.GeneratedSources.Select(s => s.SourceText.ToString())));
        string[] withGenerator = Errors(run.Output);
        string[] compilerAlone = Errors(GeneratorRun.Compile(new[] { source }));
        Assert.Equal(compilerAlone, withGenerator);
        return withGenerator.Select(e => e.Split('@')[0]).ToArray();
    }

    private static string[] Errors(Compilation compilation)
        => compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Id + "@" + d.Location.GetLineSpan())
            .OrderBy(e => e, StringComparer.Ordinal)
            .ToArray();
}
