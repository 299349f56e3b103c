using ResilienceGen.Analyzers.Tests.Infrastructure;
using ResilienceGen.CodeFixes;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.CodeFixes;

public class MoveBodyToCoreMethodCodeFixTests
{
    [Fact]
    public async Task Moves_a_block_body_into_a_new_private_core_method()
    {
        var outcome = await CodeFixRun.ApplyAsync(new MoveBodyToCoreMethodCodeFix(), "RG0001", InClient("""
            [WithRetry]
            public async Task<int> GetAsync(string sku, CancellationToken cancellationToken)
            {
                await Task.Delay(1, cancellationToken);
                return sku.Length;
            }
            """));
        CodeFixAssert.Fixed(outcome, "RG0001");
        CodeFixAssert.Contains(outcome, "public partial Task<int> GetAsync(string sku, CancellationToken cancellationToken);");
        CodeFixAssert.Contains(outcome, "private async Task<int> GetCoreAsync(string sku, CancellationToken cancellationToken) {");
    }

    [Fact]
    public async Task Makes_the_containing_types_partial_and_keeps_static_and_generics()
    {
        var outcome = await CodeFixRun.ApplyAsync(new MoveBodyToCoreMethodCodeFix(), "RG0001", InNamespace("""
            public static class Outer
            {
                internal class Inner
                {
                    [CircuitBreaker]
                    static Task<T> Echo<T>(T value, CancellationToken cancellationToken) where T : class => Task.FromResult(value);
                }
            }
            """));
        CodeFixAssert.Fixed(outcome, "RG0001");
        CodeFixAssert.Contains(outcome, "public static partial class Outer");
        CodeFixAssert.Contains(outcome, "internal partial class Inner");
        CodeFixAssert.Contains(outcome, "private static partial Task<T> Echo<T>(T value, CancellationToken cancellationToken) where T : class;");
        CodeFixAssert.Contains(outcome, "private static Task<T> EchoCore<T>(T value, CancellationToken cancellationToken) where T : class => Task.FromResult(value);");
    }

    [Fact]
    public async Task Moves_a_user_written_implementing_part_and_keeps_its_attributes()
    {
        var outcome = await CodeFixRun.ApplyAsync(new MoveBodyToCoreMethodCodeFix(), "RG0001", InClient("""
            public partial Task GetAsync(CancellationToken cancellationToken);
            [WithRetry(MaxRetries = 2)]
            public partial Task GetAsync(CancellationToken cancellationToken) => Task.Delay(1, cancellationToken);
            """));
        CodeFixAssert.Fixed(outcome, "RG0001");
        CodeFixAssert.Contains(outcome, "[WithRetry(MaxRetries = 2)]");
        CodeFixAssert.Contains(outcome, "private Task GetCoreAsync(CancellationToken cancellationToken) => Task.Delay(1, cancellationToken);");
    }

    [Fact]
    public async Task Offers_no_fix_for_an_abstract_method_there_is_no_body_to_move()
    {
        using var workspace = new Microsoft.CodeAnalysis.AdhocWorkspace();
        var project = CodeFixRun.CreateProject(workspace, new[] { InNamespace("""
            public abstract class Client
            {
                [WithRetry]
                public abstract Task GetAsync(CancellationToken cancellationToken);
            }
            """) });
        var diagnostic = (await CodeFixRun.DiagnosticsAsync(project)).Single(d => d.Id == "RG0001");
        Assert.Empty(await CodeFixRun.ActionsAsync(new MoveBodyToCoreMethodCodeFix(), project, diagnostic));
    }
}
