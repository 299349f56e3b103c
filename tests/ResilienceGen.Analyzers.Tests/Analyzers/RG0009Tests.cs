using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0009Tests
{
    [Fact]
    public Task Raised_when_no_method_has_the_name()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry({|#0:ShouldHandle = "IsTransient"|})]
            public partial Task GetAsync(CancellationToken cancellationToken);
            private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """), Diagnostic("RG0009").WithLocation(0).WithArguments("IsTransient", "WithRetry", "'Client' has no accessible method of that name", "Client"));

    [Fact]
    public Task Raised_when_the_method_has_the_wrong_shape()
        => VerifyAnalyzerAsync(InClient("""
            [CircuitBreaker({|#0:ShouldHandle = nameof(IsTransient)|})]
            public partial Task GetAsync(CancellationToken cancellationToken);
            private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            private int IsTransient(Exception exception) => 1;
            """), Diagnostic("RG0009").WithLocation(0).WithArguments("IsTransient", "CircuitBreaker", "no method of that name has the shape 'bool IsTransient(Exception)'", "Client"));

    [Fact]
    public Task Raised_for_a_predicate_taking_object_the_contract_is_bool_M_of_Exception()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry({|#0:ShouldHandle = nameof(IsTransient)|})]
            public partial Task GetAsync(CancellationToken cancellationToken);
            private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            private bool IsTransient(object error) => true;
            """), Diagnostic("RG0009").WithLocation(0).WithArguments("IsTransient", "WithRetry", "no method of that name has the shape 'bool IsTransient(Exception)'", "Client"));

    [Fact]
    public Task Raised_when_the_only_predicate_is_private_in_a_base_type()
        => VerifyAnalyzerAsync(InNamespace("""
            public class Base
            {
                private static bool IsTransient(Exception exception) => true;
            }
            public partial class Client : Base
            {
                [CircuitBreaker({|#0:ShouldHandle = "IsTransient"|})]
                public partial Task GetAsync(CancellationToken cancellationToken);
                private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """), Diagnostic("RG0009").WithLocation(0).WithArguments("IsTransient", "CircuitBreaker", "'Client' has no accessible method of that name", "Client"));

    [Fact]
    public Task Raised_when_a_static_method_names_an_instance_predicate()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry({|#0:ShouldHandle = nameof(IsTransient)|})]
            public static partial Task GetAsync(CancellationToken cancellationToken);
            private static Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            private bool IsTransient(Exception exception) => true;
            """), Diagnostic("RG0009").WithLocation(0).WithArguments("IsTransient", "WithRetry", "it is an instance method and 'GetAsync' is static", "Client"));

    [Theory]
    [InlineData("private bool IsTransient(Exception exception) => true;")]
    [InlineData("private static bool IsTransient(Exception exception) => true;")]
    [InlineData("internal bool IsTransient(Exception error) => true;")]
    public Task Not_raised_for_a_usable_predicate(string predicate)
        => VerifyAnalyzerAsync(InClient($$"""
            [WithRetry(ShouldHandle = "IsTransient")]
            public partial Task GetAsync(CancellationToken cancellationToken);
            private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            {{predicate}}
            """));

    [Fact]
    public Task Not_raised_for_a_predicate_inherited_from_a_base_type()
        => VerifyAnalyzerAsync(InNamespace("""
            public class Base
            {
                protected static bool IsTransient(Exception exception) => true;
            }
            public partial class Client : Base
            {
                [CircuitBreaker(ShouldHandle = "IsTransient")]
                public partial Task GetAsync(CancellationToken cancellationToken);
                private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """));

    [Fact]
    public Task Only_error_of_the_build()
        => VerifyWholeBuildAsync(InClient("""
            [WithRetry({|RG0009:ShouldHandle = "IsTransient"|})]
            public partial Task GetAsync(CancellationToken cancellationToken);
            private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """));
}
