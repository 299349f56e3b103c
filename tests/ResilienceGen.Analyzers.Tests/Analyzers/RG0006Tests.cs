using ResilienceGen.Analyzers.Tests.Infrastructure;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0006Tests
{
    private const string InstanceMethodOfStruct = """
        public partial struct Counter
        {
            [WithRetry]
            public partial Task [|TickAsync|](CancellationToken cancellationToken);
            private Task TickCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        }
        """;

    [Fact]
    public void Raised_on_an_instance_method_of_a_struct()
        => Expect.Single("RG0006", InNamespace(InstanceMethodOfStruct), "TickAsync", "Counter");

    [Fact]
    public void Raised_on_an_instance_method_of_a_record_struct()
        => Expect.Single("RG0006", InNamespace("""
            public partial record struct Point(int X)
            {
                [CircuitBreaker]
                public partial Task [|SendAsync|](CancellationToken cancellationToken);
                private Task SendCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """), "SendAsync", "Point");

    [Fact]
    public void Not_raised_for_a_static_method_of_a_struct()
        => Expect.None("RG0006", InNamespace("""
            public partial struct Counter
            {
                [WithRetry]
                public static partial Task TickAsync(CancellationToken cancellationToken);
                private static Task TickCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """));

    [Fact]
    public void Only_error_of_the_build()
        => Expect.OnlyError("RG0006", InNamespace(InstanceMethodOfStruct));
}
