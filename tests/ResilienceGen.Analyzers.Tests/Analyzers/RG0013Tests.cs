using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0013Tests
{
    private const string Wrapper = """
        public partial Task GetAsync(CancellationToken cancellationToken);
        private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        """;

    [Fact]
    public Task Raised_when_no_method_has_the_name()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry({|#0:OnRetry = "LogRetry"|})]
            """ + Wrapper), Diagnostic("RG0013").WithLocation(0).WithArguments("LogRetry", "'Client' has no accessible method of that name", "Client"));

    [Fact]
    public Task Raised_naming_the_parameter_of_the_wrong_type()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry({|#0:OnRetry = nameof(LogRetry)|})]
            """ + Wrapper + """
            private void LogRetry(int attempt, int delayMs, Exception exception) { }
            """), Diagnostic("RG0013").WithLocation(0).WithArguments("LogRetry", "parameter 2 'delayMs' is 'int', not TimeSpan", "Client"));

    [Fact]
    public Task Raised_when_the_method_returns_a_value()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry({|#0:OnRetry = nameof(LogRetry)|})]
            """ + Wrapper + """
            private bool LogRetry(int attempt, TimeSpan delay, Exception exception) => true;
            """), Diagnostic("RG0013").WithLocation(0).WithArguments("LogRetry", "it returns 'bool', not void", "Client"));

    [Fact]
    public Task Raised_when_a_parameter_is_missing()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry({|#0:OnRetry = nameof(LogRetry)|})]
            """ + Wrapper + """
            private void LogRetry(int attempt, Exception exception) { }
            """), Diagnostic("RG0013").WithLocation(0).WithArguments("LogRetry", "it has 2 parameters, not 3", "Client"));

    [Fact]
    public Task Raised_for_a_ref_parameter()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry({|#0:OnRetry = nameof(LogRetry)|})]
            """ + Wrapper + """
            private void LogRetry(ref int attempt, TimeSpan delay, Exception exception) { }
            """), Diagnostic("RG0013").WithLocation(0).WithArguments("LogRetry", "parameter 1 'attempt' is 'int' passed by ref, not int", "Client"));

    [Fact]
    public Task Raised_with_the_shape_when_no_overload_fits()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry({|#0:OnRetry = nameof(LogRetry)|})]
            """ + Wrapper + """
            private void LogRetry(int attempt) { }
            private void LogRetry(string message) { }
            """), Diagnostic("RG0013").WithLocation(0).WithArguments("LogRetry", "no method of that name has the shape 'void LogRetry(int attempt, TimeSpan delay, Exception exception)'", "Client"));

    [Fact]
    public Task Raised_when_the_only_method_is_private_in_a_base_type()
        => VerifyAnalyzerAsync(InNamespace("""
            public class Base
            {
                private static void LogRetry(int attempt, TimeSpan delay, Exception exception) { }
            }
            public partial class Client : Base
            {
                [WithRetry({|#0:OnRetry = "LogRetry"|})]
                public partial Task GetAsync(CancellationToken cancellationToken);
                private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """), Diagnostic("RG0013").WithLocation(0).WithArguments("LogRetry", "'Client' has no accessible method of that name", "Client"));

    [Fact]
    public Task Raised_when_a_static_wrapper_names_an_instance_method()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry({|#0:OnRetry = nameof(LogRetry)|})]
            public static partial Task GetAsync(CancellationToken cancellationToken);
            private static Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            private void LogRetry(int attempt, TimeSpan delay, Exception exception) { }
            """), Diagnostic("RG0013").WithLocation(0).WithArguments("LogRetry", "it is an instance method and 'GetAsync' is static", "Client"));

    [Theory]
    [InlineData("private void LogRetry(int attempt, TimeSpan delay, Exception exception) { }")]
    [InlineData("private static void LogRetry(int attempt, TimeSpan delay, Exception exception) { }")]
    [InlineData("internal void LogRetry(int n, TimeSpan wait, Exception? error) { }")]
    [InlineData("private void LogRetry(string message) { } private void LogRetry(int attempt, TimeSpan delay, Exception exception) { }")]
    public Task Not_raised_for_a_usable_method(string hook)
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry(OnRetry = nameof(LogRetry))]
            """ + Wrapper + hook));

    [Fact]
    public Task Not_raised_for_a_static_method_from_a_static_wrapper_nor_for_a_protected_base_method()
        => VerifyAnalyzerAsync(InNamespace("""
            public class Base
            {
                protected static void LogRetry(int attempt, TimeSpan delay, Exception exception) { }
            }
            public partial class Client : Base
            {
                [WithRetry(OnRetry = "LogRetry")]
                public static partial Task GetAsync(CancellationToken cancellationToken);
                private static Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """));

    [Fact]
    public Task Not_raised_when_the_method_mentions_an_unknown_type_the_compiler_reports()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry(OnRetry = nameof(LogRetry))]
            """ + Wrapper + """
            private void LogRetry(int attempt, {|CS0246:Missing|} delay, Exception exception) { }
            """));

    [Fact]
    public Task Not_raised_when_an_overload_fits_beside_one_with_an_unknown_type()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry(OnRetry = nameof(LogRetry))]
            """ + Wrapper + """
            private void LogRetry({|CS0246:Missing|} value) { }
            private void LogRetry(int attempt, TimeSpan delay, Exception exception) { }
            """));

    [Fact]
    public Task Only_error_of_the_build()
        => VerifyWholeBuildAsync(InClient("""
            [WithRetry({|RG0013:OnRetry = "LogRetry"|})]
            """ + Wrapper));

    [Fact]
    public Task Only_error_of_the_build_for_a_wrong_shape()
        => VerifyWholeBuildAsync(InClient("""
            [WithRetry({|RG0013:OnRetry = nameof(LogRetry)|})]
            """ + Wrapper + """
            private void LogRetry(int attempt) { }
            """));
}
