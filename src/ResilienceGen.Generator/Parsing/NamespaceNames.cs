using Microsoft.CodeAnalysis;

namespace ResilienceGen.Generator.Parsing
{
    /// <summary>
    /// Asks whether a namespace is a given one by walking its names, the answer <c>ToDisplayString() == "A.B.C"</c> gives
    /// without formatting a string for every parameter and member the transform looks at.
    /// </summary>
    internal static class NamespaceNames
    {
        public static readonly string[] SystemThreading = { "System", "Threading" };
        public static readonly string[] SystemThreadingTasks = { "System", "Threading", "Tasks" };
        public static readonly string[] MicrosoftExtensionsLogging = { "Microsoft", "Extensions", "Logging" };

        /// <summary>True when <paramref name="ns"/> is <paramref name="names"/> (outermost first) right under the global namespace.</summary>
        public static bool Is(INamespaceSymbol? ns, string[] names)
        {
            for (int i = names.Length - 1; i >= 0; i--)
            {
                if (ns is null || ns.IsGlobalNamespace || ns.Name != names[i])
                {
                    return false;
                }

                ns = ns.ContainingNamespace;
            }

            return ns is { IsGlobalNamespace: true };
        }
    }
}
