using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0001Tests
{
    [Fact]
    public Task Raised_on_a_method_that_is_not_partial_and_has_a_body()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry]
            public Task {|#0:GetAsync|}(CancellationToken cancellationToken) => Task.CompletedTask;
            """), Diagnostic("RG0001").WithLocation(0).WithArguments("GetAsync", "is not partial and has a body", "GetCoreAsync"));

    [Fact]
    public Task Raised_when_the_user_wrote_the_implementing_part_too()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry]
            public partial Task {|#0:GetAsync|}(CancellationToken cancellationToken);
            public partial Task GetAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """), Diagnostic("RG0001").WithLocation(0).WithArguments("GetAsync", "has an implementing declaration with a body", "GetCoreAsync"));

    [Fact]
    public Task Raised_once_when_the_attribute_sits_on_the_implementing_part()
        => VerifyAnalyzerAsync(InClient("""
            public partial Task {|#0:GetAsync|}(CancellationToken cancellationToken);
            [CircuitBreaker]
            public partial Task GetAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """), Diagnostic("RG0001").WithLocation(0).WithArguments("GetAsync", "has an implementing declaration with a body", "GetCoreAsync"));

    [Fact]
    public Task Raised_on_an_abstract_method()
        => VerifyAnalyzerAsync(InNamespace("""
            public abstract class Client
            {
                [WithRetry]
                public abstract Task {|#0:Get|}(CancellationToken cancellationToken);
            }
            """), Diagnostic("RG0001").WithLocation(0).WithArguments("Get", "is abstract", "GetCore"));

    [Fact]
    public Task Raised_in_a_non_partial_type_when_the_method_is_not_partial_either()
        => VerifyAnalyzerAsync(InNamespace("""
            public class Plain
            {
                [WithRetry]
                public Task {|#0:GetAsync|}(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """), Diagnostic("RG0001").WithLocation(0).WithArguments("GetAsync", "is not partial and has a body", "GetCoreAsync"));

    [Fact]
    public Task Not_raised_for_a_body_less_partial_declaration_with_its_core()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry]
            public partial Task GetAsync(CancellationToken cancellationToken);
            private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """));

    [Fact]
    public Task Not_raised_for_an_unattributed_method()
        => VerifyAnalyzerAsync(InClient("""
            public Task GetAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """));

    // The compiler's own errors are the expected diagnostics here: every verification includes compiler errors, so
    // these tests state which ones the user sees instead of ours.
    [Fact]
    public Task Nothing_of_ours_for_a_partial_method_in_a_non_partial_type_the_compiler_reports_it()
        => VerifyAnalyzerAsync(InNamespace("""
            public class Plain
            {
                [WithRetry]
                public partial Task {|CS0751:{|CS8795:GetAsync|}|}(CancellationToken cancellationToken);
                private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """));

    [Theory]
    [InlineData("[WithRetry]\npartial Task {|CS8796:GetAsync|}(CancellationToken cancellationToken);")]
    public Task Nothing_of_ours_where_the_compiler_already_explains_the_declaration(string members)
        => VerifyAnalyzerAsync(InClient(members + "\nprivate Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;"));

    [Fact]
    public Task Raised_on_an_attributed_local_function()
        => VerifyAnalyzerAsync(InClient("""
            private Task RunAsync()
            {
                [WithRetry] static Task {|#0:Inner|}() => Task.CompletedTask;
                return Inner();
            }
            """), Diagnostic("RG0001").WithLocation(0).WithArguments("Inner", "is not an ordinary method of a type", "InnerCore"));

    [Fact]
    public Task Only_error_of_the_build_when_not_partial()
        => VerifyWholeBuildAsync(InClient("""
            [WithRetry]
            public Task {|RG0001:GetAsync|}(CancellationToken cancellationToken) => Task.CompletedTask;
            """));

    [Fact]
    public Task Only_error_of_the_build_when_both_parts_are_written()
        => VerifyWholeBuildAsync(InClient("""
            [WithRetry]
            public partial Task {|RG0001:GetAsync|}(CancellationToken cancellationToken);
            public partial Task GetAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """));
}
