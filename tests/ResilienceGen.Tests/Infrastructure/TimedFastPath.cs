using ResilienceGen.Internal;

namespace ResilienceGen.Tests.Infrastructure;

/// <summary>
/// What a generated [WithTimeout] wrapper of <c>Task&lt;int&gt; M(CancellationToken)</c> does: the inline first
/// attempt with the attempt's token, then the runtime entry point for anything but a success. Used by the timeout
/// tests that need the generated shape without a generated class (a cached delegate: no allocation of its own).
/// </summary>
internal static class TimedFastPath
{
    public static Task<int> Call(ResilientMethod method, CancellationToken cancellationToken, Func<CancellationToken, Task<int>> body)
    {
        FirstAttempt<Task<int>> first = default;
        if (first.TryAdmit(method, cancellationToken, out CancellationToken token))
        {
            try
            {
                first.Started = body(token);
            }
            catch (Exception e)
            {
                first.Failure = e;
            }

            if (FirstAttempt.Succeeded(ref first))
            {
                return first.Started;
            }
        }

        return ResilientInvoker.RunTaskOf(method, null, body, static (b, t) => b(t), null, null, cancellationToken, first: first);
    }
}
