using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ResilienceGen.Generator.Model;

namespace ResilienceGen.Generator
{
    /// <summary>Merges the three attribute pipelines per method and groups the methods by containing type.</summary>
    internal static class MethodGrouping
    {
        public static EquatableArray<TypeGroup> GroupByType(ImmutableArray<MethodModel> retryMethods, ImmutableArray<MethodModel> breakerMethods, ImmutableArray<MethodModel> timeoutMethods = default)
        {
            var byType = new Dictionary<TypeHierarchy, Dictionary<string, MethodModel>>();
            IEnumerable<MethodModel> all = retryMethods.Concat(breakerMethods);
            if (!timeoutMethods.IsDefault)
            {
                all = all.Concat(timeoutMethods);
            }

            foreach (MethodModel method in all)
            {
                if (!byType.TryGetValue(method.Type, out Dictionary<string, MethodModel>? methods))
                {
                    methods = new Dictionary<string, MethodModel>(StringComparer.Ordinal);
                    byType.Add(method.Type, methods);
                }

                // A method with several attributes comes from one pipeline only (retry, else breaker); the key also absorbs duplicates.
                string key = method.SignatureKey;
                if (!methods.ContainsKey(key))
                {
                    methods.Add(key, method);
                }
            }

            // Ordinal order by file name and by signature: the output does not depend on discovery order.
            var groups = new List<TypeGroup>();
            var usedHintNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in byType.OrderBy(p => p.Key.HintName, StringComparer.Ordinal).ThenBy(p => p.Key.QualifiedName, StringComparer.Ordinal))
            {
                groups.Add(new TypeGroup(
                    WithUniqueHintName(pair.Key, usedHintNames),
                    pair.Value.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => m.Value).ToEquatableArray()));
            }

            return groups.ToEquatableArray();
        }

        /// <summary>
        /// Valid code never has two types with one file name, but broken code can (a partial class and a partial struct
        /// of one name); adding a file name twice would fail the whole generator, so the later one gets a number.
        /// </summary>
        private static TypeHierarchy WithUniqueHintName(TypeHierarchy type, HashSet<string> usedHintNames)
        {
            const string suffix = ".Resilience.g.cs";
            string stem = type.HintName.Substring(0, type.HintName.Length - suffix.Length);
            string hintName = type.HintName;
            for (int i = 2; !usedHintNames.Add(hintName); i++)
            {
                hintName = stem + "." + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + suffix;
            }

            return hintName == type.HintName ? type : type with { HintName = hintName };
        }
    }
}
