using ResilienceGen.Analyzers.Tests.Infrastructure;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0009Tests
{
    [Fact]
    public void Raised_when_no_method_has_the_name()
        => Expect.Single("RG0009", InClient("""
            [WithRetry([|ShouldHandle = "IsTransient"|])]
            public partial Task GetAsync(CancellationToken cancellationToken);
            private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """), "IsTransient", "WithRetry", "'Client' has no accessible method of that name", "Client");

    [Fact]
    public void Raised_when_the_method_has_the_wrong_shape()
        => Expect.Single("RG0009", InClient("""
            [CircuitBreaker([|ShouldHandle = nameof(IsTransient)|])]
            public partial Task GetAsync(CancellationToken cancellationToken);
            private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            private int IsTransient(Exception exception) => 1;
            """), "IsTransient", "CircuitBreaker", "no method of that name has the shape 'bool IsTransient(Exception)'", "Client");

    [Fact]
    public void Raised_for_a_predicate_taking_object_the_contract_is_bool_M_of_Exception()
        => Expect.Single("RG0009", InClient("""
            [WithRetry([|ShouldHandle = nameof(IsTransient)|])]
            public partial Task GetAsync(CancellationToken cancellationToken);
            private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            private bool IsTransient(object error) => true;
            """), "IsTransient", "WithRetry", "no method of that name has the shape 'bool IsTransient(Exception)'", "Client");

    [Fact]
    public void Raised_when_the_only_predicate_is_private_in_a_base_type()
        => Expect.Single("RG0009", InNamespace("""
            public class Base
            {
                private static bool IsTransient(Exception exception) => true;
            }
            public partial class Client : Base
            {
                [CircuitBreaker([|ShouldHandle = "IsTransient"|])]
                public partial Task GetAsync(CancellationToken cancellationToken);
                private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """), "IsTransient", "CircuitBreaker", "'Client' has no accessible method of that name", "Client");

    [Fact]
    public void Raised_when_a_static_method_names_an_instance_predicate()
        => Expect.Single("RG0009", InClient("""
            [WithRetry([|ShouldHandle = nameof(IsTransient)|])]
            public static partial Task GetAsync(CancellationToken cancellationToken);
            private static Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            private bool IsTransient(Exception exception) => true;
            """), "IsTransient", "WithRetry", "it is an instance method and 'GetAsync' is static", "Client");

    [Theory]
    [InlineData("private bool IsTransient(Exception exception) => true;")]
    [InlineData("private static bool IsTransient(Exception exception) => true;")]
    [InlineData("internal bool IsTransient(Exception error) => true;")]
    public void Not_raised_for_a_usable_predicate(string predicate)
        => Expect.None("RG0009", InClient($$"""
            [WithRetry(ShouldHandle = "IsTransient")]
            public partial Task GetAsync(CancellationToken cancellationToken);
            private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            {{predicate}}
            """));

    [Fact]
    public void Not_raised_for_a_predicate_inherited_from_a_base_type()
        => Expect.None("RG0009", InNamespace("""
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
    public void Only_error_of_the_build()
        => Expect.OnlyError("RG0009", InClient("""
            [WithRetry(ShouldHandle = "IsTransient")]
            public partial Task GetAsync(CancellationToken cancellationToken);
            private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """));
}
