using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Generator.Tests.Infrastructure;

/// <summary>
/// A consumer compilation (with the generated code in it) emitted to memory and loaded into a collectible
/// AssemblyLoadContext. The runtime assembly resolves from the default context, so the test sees the same
/// Resilience.Breakers and exception types as the generated code.
/// </summary>
internal sealed class LoadedConsumer : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private LoadedConsumer(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    public static LoadedConsumer Load(GeneratorRun run)
    {
        run.AssertCleanBuild();
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, run.Describe(emitted.Diagnostics));

        var context = new AssemblyLoadContext("consumer-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        image.Position = 0;
        return new LoadedConsumer(context, context.LoadFromStream(image));
    }

    public object Create(string typeName, params object?[] arguments)
        => Activator.CreateInstance(Type(typeName), arguments) ?? throw new InvalidOperationException(typeName);

    public Type Type(string typeName) => Assembly.GetType(typeName, throwOnError: true)!;

    /// <summary>Calls an instance method and awaits whatever awaitable it returns (Task, Task&lt;T&gt;, ValueTask, ValueTask&lt;T&gt;).</summary>
    public static Task<object?> CallAsync(object target, string method, params object?[] arguments)
        => AwaitAsync(target.GetType().GetMethod(method)!.Invoke(target, arguments));

    public Task<object?> CallStaticAsync(string typeName, string method, params object?[] arguments)
        => AwaitAsync(Type(typeName).GetMethod(method)!.Invoke(null, arguments));

    public static T Field<T>(object target, string name) => (T)target.GetType().GetField(name)!.GetValue(target)!;

    private static async Task<object?> AwaitAsync(object? awaitable)
    {
        Task task = awaitable switch
        {
            Task t => t,
            null => throw new InvalidOperationException("The method returned null."),
            _ => (Task)awaitable.GetType().GetMethod("AsTask")!.Invoke(awaitable, null)!,
        };

        await task;
        return task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
    }

    public void Dispose() => _context.Unload();
}
