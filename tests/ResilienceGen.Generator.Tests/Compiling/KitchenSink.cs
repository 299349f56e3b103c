namespace ResilienceGen.Generator.Tests.Compiling;

/// <summary>
/// One consumer source that uses many shapes at once and only C# 9 features, so the same text compiles on every
/// language version from 9 up. <c>{Q}</c> stands for the <c>?</c> of nullable reference types: empty when the consumer
/// has nullable disabled (where <c>string?</c> would itself be a warning).
/// </summary>
internal static class KitchenSink
{
    private const string Template = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        using ResilienceGen;

        namespace Kitchen.Sink
        {
            public class TransientException : Exception { }

            public class ServiceBase
            {
                protected ILogger{Q} Log { get; set; }
            }

            public partial class Service<TKey> : ServiceBase where TKey : notnull
            {
                [WithRetry(MaxRetries = 2, BaseDelayMs = 0, Handle = new[] { typeof(TransientException) }, Ignore = new[] { typeof(ArgumentException) }, ShouldHandle = nameof(IsTransient),
                    OnRetry = nameof(OnGetRetry), RetryAfter = nameof(RetryAfterOf), Fallback = nameof(GetFallbackAsync))]
                [CircuitBreaker("kitchen", FailureThreshold = 3, Ignore = new[] { typeof(ArgumentException) })]
                public partial Task<string{Q}> GetAsync(TKey key, string{Q} @event = null, CancellationToken cancellationToken = default, params int[] values);

                [WithRetry(Backoff = BackoffKind.Linear, OnRetry = nameof(OnAnyRetry), Fallback = nameof(SaveFallbackAsync))]
                public virtual partial ValueTask SaveAsync<T>(T value) where T : class, new();

                [WithRetry(Handle = new[] { typeof(Exception) })]
                public static partial ValueTask<int> CountAsync<T>(IEnumerable<T> items, CancellationToken token) where T : struct;

                [CircuitBreaker(Fallback = nameof(PingFallbackAsync))]
                protected internal partial Task PingAsync();

                private void OnGetRetry(int attempt, TimeSpan delay, Exception exception) { }

                private static void OnAnyRetry(int attempt, TimeSpan delay, Exception exception) { }

                private static TimeSpan? RetryAfterOf(Exception exception) => exception is TransientException ? TimeSpan.Zero : null;

                private Task<string{Q}> GetFallbackAsync(TKey key, string{Q} @event, CancellationToken cancellationToken, int[] values, Exception exception)
                    => Task.FromResult(@event);

                private ValueTask SaveFallbackAsync<T>(T value, Exception exception) where T : class, new() => default;

                private static Task PingFallbackAsync(Exception exception) => Task.CompletedTask;

                private bool IsTransient(Exception exception) => exception.Message.Length >= 0;

                private Task<string{Q}> GetCoreAsync(TKey key, string{Q} @event, CancellationToken cancellationToken, int[] values)
                    => Task.FromResult(@event);

                private ValueTask SaveCoreAsync<T>(T value) where T : class, new() => default;

                private static ValueTask<int> CountCoreAsync<T>(IEnumerable<T> items, CancellationToken token) where T : struct
                    => new ValueTask<int>(0);

                private Task PingCoreAsync() => Task.CompletedTask;

                public partial class Nested
                {
                    [WithRetry]
                    internal partial Task<int> RunAsync(int __s, object state);

                    private Task<int> RunCoreAsync(int __s, object state) => Task.FromResult(__s);
                }
            }

            public sealed partial class Derived : Service<int>
            {
                [WithRetry]
                public override partial ValueTask SaveAsync<T>(T value);

                private ValueTask SaveCoreAsync<T>(T value) where T : class, new() => default;
            }

            public static partial class Tools
            {
                private static readonly ILogger<Derived>{Q} s_logger = null;

                [WithRetry]
                public static partial Task<int> LengthAsync(this string text);

                private static Task<int> LengthCoreAsync(this string text) => Task.FromResult(text.Length + (s_logger is null ? 0 : 1));
            }

            public partial record Person(string Name)
            {
                [WithRetry]
                public partial Task<string> GreetAsync();

                private Task<string> GreetCoreAsync() => Task.FromResult(Name);

                [WithTimeout(AttemptMs = 1000, TotalMs = 5000)]
                [CircuitBreaker(SlowCallDurationMs = 500)]
                public partial ValueTask<T> EchoAsync<T>(T value, CancellationToken cancellationToken = default) where T : notnull;

                private ValueTask<T> EchoCoreAsync<T>(T value, CancellationToken cancellationToken) where T : notnull => new ValueTask<T>(value);
            }

            public partial struct Counter
            {
                [CircuitBreaker]
                public static partial Task<int> NextAsync(int seed);

                private static Task<int> NextCoreAsync(int seed) => Task.FromResult(seed + 1);
            }
        }

        public partial class InTheGlobalNamespace
        {
            [WithRetry]
            public partial Task<T{Q}> EchoAsync<T>(T{Q} value) where T : class;

            private Task<T{Q}> EchoCoreAsync<T>(T{Q} value) where T : class => Task.FromResult(value);
        }
        """;

    public static string Source(bool nullableEnabled) => Template.Replace("{Q}", nullableEnabled ? "?" : string.Empty);

    /// <summary>What a netstandard2.0 project using records must declare itself (the type is missing there).</summary>
    public const string IsExternalInitPolyfill = """
        namespace System.Runtime.CompilerServices
        {
            internal static class IsExternalInit { }
        }
        """;
}
