using System;
using System.Threading.Tasks;

namespace ResilienceGen.Internal
{
    /// <summary>What a Task-returning body or fallback gave back, judged the same way on every target framework.</summary>
    internal static class ReturnedTasks
    {
        public static bool HasSucceeded(Task task)
        {
#if NETCOREAPP2_0_OR_GREATER
            return task.IsCompletedSuccessfully;
#else
            return task.Status == TaskStatus.RanToCompletion;
#endif
        }

        public static InvalidOperationException NullFromBody()
            => new InvalidOperationException("The method body returned a null Task; return a Task (for example Task.CompletedTask) instead.");

        public static InvalidOperationException NullFromFallback()
            => new InvalidOperationException("The fallback method returned a null Task; return a Task (for example Task.CompletedTask) instead.");

        /// <summary>A bare Task in the loop's shape; nothing allocated when it already succeeded.</summary>
        public static ValueTask<VoidResult> AsVoid(Task task)
            => HasSucceeded(task) ? default : new ValueTask<VoidResult>(AwaitVoid(task));

        /// <summary>A bare ValueTask in the loop's shape; nothing allocated when it already succeeded.</summary>
        public static ValueTask<VoidResult> AsVoid(ValueTask task)
        {
            if (task.IsCompletedSuccessfully)
            {
                task.GetAwaiter().GetResult(); // consumes a pooled IValueTaskSource, as awaiting would
                return default;
            }

            return new ValueTask<VoidResult>(AwaitVoid(task));
        }

        private static async Task<VoidResult> AwaitVoid(Task task)
        {
            await task.ConfigureAwait(false);
            return default;
        }

        private static async Task<VoidResult> AwaitVoid(ValueTask task)
        {
            await task.ConfigureAwait(false);
            return default;
        }
    }
}
