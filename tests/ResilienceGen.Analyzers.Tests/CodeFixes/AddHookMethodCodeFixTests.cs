using ResilienceGen.Analyzers.Tests.Infrastructure;
using ResilienceGen.CodeFixes;
using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.CodeFixes;

public class AddHookMethodCodeFixTests
{
    [Fact]
    public Task Adds_an_OnRetry_method_that_does_nothing()
        => VerifyCodeFixAsync<AddHookMethodCodeFix>(
            InClient("""
                [WithRetry({|RG0013:OnRetry = "LogRetry"|})]
                public partial Task GetAsync(CancellationToken cancellationToken);
                private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                """),
            InClient("""
                [WithRetry(OnRetry = "LogRetry")]
                public partial Task GetAsync(CancellationToken cancellationToken);

                private void LogRetry(int attempt, System.TimeSpan delay, System.Exception exception) { }

                private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                """));

    // An expression-bodied hook: the next member still starts on a line of its own.
    [Fact]
    public Task Adds_a_static_RetryAfter_method_for_a_static_wrapper()
        => VerifyCodeFixAsync<AddHookMethodCodeFix>(
            InClient("""
                [WithRetry({|RG0015:RetryAfter = "DelayFrom"|})]
                public static partial Task GetAsync(CancellationToken cancellationToken);
                private static Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                """),
            InClient("""
                [WithRetry(RetryAfter = "DelayFrom")]
                public static partial Task GetAsync(CancellationToken cancellationToken);

                private static System.TimeSpan? DelayFrom(System.Exception exception) => null;
                private static Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                """));

    [Fact]
    public Task Fix_all_adds_every_missing_hook()
        => new ResilienceGenTest<AddHookMethodCodeFix>
        {
            TestCode = InClient("""
                [WithRetry({|RG0013:OnRetry = "LogGet"|})]
                public partial Task GetAsync(CancellationToken cancellationToken);
                private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                [WithRetry({|RG0013:OnRetry = "LogPut"|})]
                public partial Task PutAsync(CancellationToken cancellationToken);
                private Task PutCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                """),
            FixedCode = InClient("""
                [WithRetry(OnRetry = "LogGet")]
                public partial Task GetAsync(CancellationToken cancellationToken);

                private void LogGet(int attempt, System.TimeSpan delay, System.Exception exception) { }

                private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                [WithRetry(OnRetry = "LogPut")]
                public partial Task PutAsync(CancellationToken cancellationToken);

                private void LogPut(int attempt, System.TimeSpan delay, System.Exception exception) { }

                private Task PutCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                """),
            NumberOfFixAllIterations = 1,
        }.RunAsync();

    [Fact]
    public Task Offers_nothing_when_a_method_of_that_name_exists_with_a_wrong_shape()
    {
        // The fixed code is the source itself: the library then checks that no fix is offered.
        var source = InClient("""
            [WithRetry({|#0:OnRetry = nameof(LogRetry)|})]
            public partial Task GetAsync(CancellationToken cancellationToken);
            private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            private void LogRetry(int attempt) { }
            """);
        var expected = Diagnostic("RG0013").WithLocation(0)
            .WithArguments("LogRetry", "it has 1 parameter, not 3", "Client");
        return VerifyCodeFixAsync<AddHookMethodCodeFix>(source, new[] { expected }, source);
    }
}
