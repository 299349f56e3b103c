using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Analyzers.Tests.Infrastructure;

/// <summary>Assertions about diagnostics: the id, the exact place, and the message built from the expected arguments.</summary>
public static class Expect
{
    /// <summary>
    /// Runs the analyzer (after the generator) over <paramref name="markedSource"/> and asserts that exactly one
    /// <paramref name="id"/> is reported, on the marked span, with the message its arguments make.
    /// </summary>
    public static Diagnostic Single(string id, string markedSource, params string[] messageArgs)
    {
        var source = MarkedSource.Parse(markedSource);
        Assert.True(source.Span.HasValue, "The test source must mark the expected location with [| |].");
        var diagnostics = AnalyzerRun.AnalyzerDiagnostics(source.Code);
        var matching = diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"Expected one {id}, got: {Describe(diagnostics)}");

        var diagnostic = matching[0];
        Assert.Equal(source.Span!.Value, diagnostic.Location.SourceSpan);
        Assert.Equal(Message(id, messageArgs), diagnostic.GetMessage(CultureInfo.InvariantCulture));
        return diagnostic;
    }

    /// <summary>Asserts that the analyzer reports no <paramref name="id"/> for the source.</summary>
    public static void None(string id, string source)
    {
        var diagnostics = AnalyzerRun.AnalyzerDiagnostics(MarkedSource.Parse(source).Code);
        Assert.True(diagnostics.All(d => d.Id != id), $"Expected no {id}, got: {Describe(diagnostics)}");
    }

    /// <summary>Asserts that a whole build (generator included) has exactly one error: <paramref name="id"/>.</summary>
    public static void OnlyError(string id, string source)
    {
        var errors = AnalyzerRun.Errors(MarkedSource.Parse(source).Code);
        Assert.True(errors.Length == 1 && errors[0].Id == id, $"Expected exactly one error, {id}; got: {Describe(errors)}");
    }

    public static string Message(string id, params string[] messageArgs)
    {
        var descriptor = Descriptors.ById(id) ?? throw new ArgumentException("Unknown id " + id, nameof(id));
        return string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), messageArgs);
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics)
    {
        var list = diagnostics.ToList();
        return list.Count == 0
            ? "(none)"
            : string.Join(Environment.NewLine, list.Select(d => d.ToString()));
    }

    public static ImmutableArray<Diagnostic> Ours(IEnumerable<Diagnostic> diagnostics)
        => diagnostics.Where(d => d.Id.StartsWith("RG", StringComparison.Ordinal)).ToImmutableArray();
}
