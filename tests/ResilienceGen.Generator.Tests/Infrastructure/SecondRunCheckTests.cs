using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit.Sdk;

namespace ResilienceGen.Generator.Tests.Infrastructure;

/// <summary>
/// Controls for <see cref="SecondRunCheck"/>, which every generator test passes through: a step whose values are not
/// equatable (a new object each run) must fail it, and <see cref="ModelGraph"/> must find a Roslyn object wherever a
/// value keeps it, so a pass of the real generator means its steps are cached and hold no compilation.
/// </summary>
public sealed class SecondRunCheckTests
{
    [Fact]
    public void A_step_that_makes_new_objects_every_run_fails_the_check()
    {
        CSharpCompilation compilation = GeneratorRun.Compile(new[] { "public partial class Client { }" });
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new NotEquatableGenerator().AsSourceGenerator() },
            parseOptions: GeneratorRun.ParseOptions(),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);

        var failure = Assert.ThrowsAny<XunitException>(() => SecondRunCheck.AssertCachedOnSecondRun(driver, compilation));
        Assert.Contains("step " + TrackingNames.TypeFiles + " was Modified", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_holding_a_syntax_node_deep_inside_is_found()
    {
        SyntaxNode node = CSharpSyntaxTree.ParseText("class C { }").GetRoot();
        var value = (Name: "C", Parts: System.Collections.Immutable.ImmutableArray.Create<object>("text", new List<object> { node }));

        string found = Assert.Single(ModelGraph.RoslynObjectsIn(value, "value"));
        Assert.Contains("CompilationUnitSyntax", found, StringComparison.Ordinal);
        Assert.Empty(ModelGraph.RoslynObjectsIn((Name: "C", Parts: System.Collections.Immutable.ImmutableArray.Create<object>("text", 1)), "value"));
    }

    /// <summary>One value per class declaration, recorded under a real step name, that never equals the last run's.</summary>
    private sealed class NotEquatableGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<object> values = context.SyntaxProvider
                .CreateSyntaxProvider(static (node, _) => node is ClassDeclarationSyntax, static (_, _) => new object())
                .WithTrackingName(TrackingNames.TypeFiles);
            context.RegisterSourceOutput(values, static (output, _) => output.AddSource("Control.g.cs", "// control"));
        }
    }
}
