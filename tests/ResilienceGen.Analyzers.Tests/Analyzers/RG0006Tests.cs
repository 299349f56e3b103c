using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0006Tests
{
    private const string InstanceMethodOfStruct = """
        public partial struct Counter
        {
            [WithRetry]
            public partial Task {|#0:TickAsync|}(CancellationToken cancellationToken);
            private Task TickCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        }
        """;

    [Fact]
    public Task Raised_on_an_instance_method_of_a_struct()
        => VerifyAnalyzerAsync(InNamespace(InstanceMethodOfStruct), Diagnostic("RG0006").WithLocation(0).WithArguments("TickAsync", "Counter"));

    [Fact]
    public Task Raised_on_an_instance_method_of_a_record_struct()
        => VerifyAnalyzerAsync(InNamespace("""
            public partial record struct Point(int X)
            {
                [CircuitBreaker]
                public partial Task {|#0:SendAsync|}(CancellationToken cancellationToken);
                private Task SendCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """), Diagnostic("RG0006").WithLocation(0).WithArguments("SendAsync", "Point"));

    [Fact]
    public Task Not_raised_for_a_static_method_of_a_struct()
        => VerifyAnalyzerAsync(InNamespace("""
            public partial struct Counter
            {
                [WithRetry]
                public static partial Task TickAsync(CancellationToken cancellationToken);
                private static Task TickCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """));

    [Fact]
    public Task Only_error_of_the_build()
        => VerifyWholeBuildAsync(InNamespace(InstanceMethodOfStruct), Diagnostic("RG0006").WithLocation(0).WithArguments("TickAsync", "Counter"));
}
