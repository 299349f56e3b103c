using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ResilienceGen.Generator.Model;

namespace ResilienceGen.Generator
{
    /// <summary>Merges the two attribute pipelines per method and groups the methods by containing type.</summary>
    internal static class MethodGrouping
    {
        public static EquatableArray<TypeGroup> GroupByType(ImmutableArray<MethodModel> retryMethods, ImmutableArray<MethodModel> breakerMethods)
        {
            var byType = new Dictionary<TypeHierarchy, Dictionary<string, MethodModel>>();
            foreach (MethodModel method in retryMethods.Concat(breakerMethods))
            {
                if (!byType.TryGetValue(method.Type, out Dictionary<string, MethodModel>? methods))
                {
                    methods = new Dictionary<string, MethodModel>(StringComparer.Ordinal);
                    byType.Add(method.Type, methods);
                }

                // A method with both attributes comes only from the retry pipeline; the key also absorbs duplicates.
                string key = method.SignatureKey;
                if (!methods.ContainsKey(key))
                {
                    methods.Add(key, method);
                }
            }

            // Ordinal order by file name and by signature: the output does not depend on discovery order.
            return byType
                .OrderBy(pair => pair.Key.HintName, StringComparer.Ordinal)
                .Select(pair => new TypeGroup(
                    pair.Key,
                    pair.Value.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => m.Value).ToEquatableArray()))
                .ToEquatableArray();
        }
    }
}
