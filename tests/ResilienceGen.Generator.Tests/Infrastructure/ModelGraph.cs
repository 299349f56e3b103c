using System.Reflection;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Generator.Tests.Infrastructure;

/// <summary>
/// Walks a pipeline step's value through its fields and lists every Roslyn object it holds (a symbol, a syntax node or
/// tree, a compilation, a semantic model, a location). Such a value keeps a whole compilation alive between runs and
/// never compares equal across compilations, so no step may hold one (NetEscapades.EnumGenerators' object-graph check).
/// </summary>
internal static class ModelGraph
{
    public static IEnumerable<string> RoslynObjectsIn(object? value, string path)
    {
        var found = new List<string>();
        Visit(value, path, new HashSet<object>(ReferenceEqualityComparer.Instance), found);
        return found;
    }

    private static void Visit(object? value, string path, HashSet<object> visited, List<string> found)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || value is Type)
        {
            return;
        }

        if (value is ISymbol or SyntaxNode or SyntaxTree or Compilation or SemanticModel or Location)
        {
            found.Add($"{path} is a {value.GetType().Name}");
            return;
        }

        if (!value.GetType().IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is Array array)
        {
            for (int i = 0; i < array.Length; i++)
            {
                Visit(array.GetValue(i), $"{path}[{i}]", visited, found);
            }

            return;
        }

        for (Type? type = value.GetType(); type is not null; type = type.BaseType)
        {
            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Visit(field.GetValue(value), path + "." + field.Name, visited, found);
            }
        }
    }
}
