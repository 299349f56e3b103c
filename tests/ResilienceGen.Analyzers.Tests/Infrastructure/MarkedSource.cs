using Microsoft.CodeAnalysis.Text;

namespace ResilienceGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// Source text with one span marked as <c>[|...|]</c>: where a diagnostic is expected.
/// The markers are removed; <see cref="Span"/> is where the marked text ends up.
/// </summary>
public sealed class MarkedSource
{
    private MarkedSource(string code, TextSpan? span)
    {
        Code = code;
        Span = span;
    }

    public string Code { get; }

    public TextSpan? Span { get; }

    public static MarkedSource Parse(string marked)
    {
        var start = marked.IndexOf("[|", StringComparison.Ordinal);
        if (start < 0)
        {
            return new MarkedSource(marked, null);
        }

        var end = marked.IndexOf("|]", start, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new ArgumentException("A '[|' marker has no closing '|]'.", nameof(marked));
        }

        var code = marked.Remove(end, 2).Remove(start, 2);
        return new MarkedSource(code, TextSpan.FromBounds(start, end - 2));
    }
}
