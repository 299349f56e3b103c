using System.Collections.Generic;
using System.Threading;

namespace ResilienceGen.Validation
{
    /// <summary>RG0017: <c>KeyBy</c> names a parameter (and members) the generated code can read a key from.</summary>
    internal static class KeyByRules
    {
        public static void Check(ResilientDeclaration declaration, List<DeclarationProblem> problems, CancellationToken cancellationToken)
        {
            var breaker = declaration.Breaker;
            if (breaker?.Key?.WhyNot is not string whyNot)
            {
                return;
            }

            var location = breaker.LocationOf(KeyDeclaration.KeyByProperty, declaration.NameLocation, cancellationToken);
            problems.Add(DeclarationProblem.Error(DiagnosticIds.KeyByNotFound, location,
                breaker.Key.Path, AttributeArguments.ShortName(breaker.Attribute), whyNot, breaker.Key.Hint ?? string.Empty));
        }
    }
}
