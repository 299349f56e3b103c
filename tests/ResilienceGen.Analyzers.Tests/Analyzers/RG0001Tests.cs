using ResilienceGen.Analyzers.Tests.Infrastructure;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0001Tests
{
    [Fact]
    public void Raised_on_a_method_that_is_not_partial_and_has_a_body()
        => Expect.Single("RG0001", InClient("""
            [WithRetry]
            public Task [|GetAsync|](CancellationToken cancellationToken) => Task.CompletedTask;
            """), "GetAsync", "is not partial and has a body", "GetCoreAsync");

    [Fact]
    public void Raised_when_the_user_wrote_the_implementing_part_too()
        => Expect.Single("RG0001", InClient("""
            [WithRetry]
            public partial Task [|GetAsync|](CancellationToken cancellationToken);
            public partial Task GetAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """), "GetAsync", "has an implementing declaration with a body", "GetCoreAsync");

    [Fact]
    public void Raised_once_when_the_attribute_sits_on_the_implementing_part()
        => Expect.Single("RG0001", InClient("""
            public partial Task [|GetAsync|](CancellationToken cancellationToken);
            [CircuitBreaker]
            public partial Task GetAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """), "GetAsync", "has an implementing declaration with a body", "GetCoreAsync");

    [Fact]
    public void Raised_on_an_abstract_method()
        => Expect.Single("RG0001", InNamespace("""
            public abstract class Client
            {
                [WithRetry]
                public abstract Task [|Get|](CancellationToken cancellationToken);
            }
            """), "Get", "is abstract", "GetCore");

    [Fact]
    public void Raised_in_a_non_partial_type_when_the_method_is_not_partial_either()
        => Expect.Single("RG0001", InNamespace("""
            public class Plain
            {
                [WithRetry]
                public Task [|GetAsync|](CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """), "GetAsync", "is not partial and has a body", "GetCoreAsync");

    [Fact]
    public void Not_raised_for_a_body_less_partial_declaration_with_its_core()
        => Expect.None("RG0001", InClient("""
            [WithRetry]
            public partial Task GetAsync(CancellationToken cancellationToken);
            private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """));

    [Fact]
    public void Not_raised_for_an_unattributed_method()
        => Expect.None("RG0001", InClient("""
            public Task GetAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """));

    [Fact]
    public void Nothing_of_ours_for_a_partial_method_in_a_non_partial_type_the_compiler_reports_it()
    {
        var diagnostics = AnalyzerRun.AllDiagnostics(InNamespace("""
            public class Plain
            {
                [WithRetry]
                public partial Task GetAsync(CancellationToken cancellationToken);
                private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """));
        Assert.Empty(Expect.Ours(diagnostics));
        Assert.Contains(diagnostics, d => d.Id == "CS0751");
    }

    [Theory]
    [InlineData("CS8796", "[WithRetry]\npartial Task GetAsync(CancellationToken cancellationToken);")]
    public void Nothing_of_ours_where_the_compiler_already_explains_the_declaration(string compilerId, string members)
    {
        var diagnostics = AnalyzerRun.AllDiagnostics(InClient(members + "\nprivate Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;"));
        Assert.Empty(Expect.Ours(diagnostics));
        Assert.Contains(diagnostics, d => d.Id == compilerId);
    }

    [Fact]
    public void Raised_on_an_attributed_local_function()
        => Expect.Single("RG0001", InClient("""
            private Task RunAsync()
            {
                [WithRetry] static Task [|Inner|]() => Task.CompletedTask;
                return Inner();
            }
            """), "Inner", "is not an ordinary method of a type", "InnerCore");

    [Fact]
    public void Only_error_of_the_build_when_not_partial()
        => Expect.OnlyError("RG0001", InClient("""
            [WithRetry]
            public Task GetAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """));

    [Fact]
    public void Only_error_of_the_build_when_both_parts_are_written()
        => Expect.OnlyError("RG0001", InClient("""
            [WithRetry]
            public partial Task GetAsync(CancellationToken cancellationToken);
            public partial Task GetAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """));
}
