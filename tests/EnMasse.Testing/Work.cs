using System.Diagnostics;
using System.Runtime.InteropServices;

namespace EnMasse.Testing;

/// <summary>
/// Checks that work grows linearly with input, without a wall-clock threshold: the same
/// operation runs on an input and on one <c>factor</c> times larger, each several times, and
/// the best CPU times of the calling thread are compared. A linear reader stays near
/// <c>factor</c>; a quadratic one lands near its square. The bound sits far between the two,
/// so a loaded machine (which slows both runs alike) does not flip the verdict.
/// </summary>
public static partial class Work
{
    /// <summary>Fails when going from size <paramref name="small"/> to <paramref name="factor"/> times that costs more than <paramref name="slack"/> times <paramref name="factor"/>.</summary>
    public static void AssertLinear<T>(Func<int, T> input, Action<T> run, int small, int factor = 8, double slack = 3)
    {
        var smallInput = input(small);
        var largeInput = input(small * factor);
        run(smallInput);
        var smallTime = Best(() => run(smallInput));
        var largeTime = Best(() => run(largeInput));

        // Below a millisecond the timer's grain dominates; count it as a millisecond.
        var ratio = largeTime.TotalMilliseconds / Math.Max(1, smallTime.TotalMilliseconds);
        Assert.True(
            ratio <= factor * slack,
            $"{factor}x the input cost {ratio:F1}x the time ({smallTime.TotalMilliseconds:F1} ms at {small}, {largeTime.TotalMilliseconds:F1} ms at {small * factor}): not linear");
    }

    /// <summary>The least CPU time of the calling thread over a few runs (wall time where the platform has no thread clock).</summary>
    public static TimeSpan Best(Action run, int runs = 3)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var start = ThreadTime();
            run();
            var spent = ThreadTime() - start;
            best = spent < best ? spent : best;
        }

        return best;
    }

    private static TimeSpan ThreadTime()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ThreadCpuClock, out var now) == 0)
        {
            return TimeSpan.FromTicks((now.Seconds * TimeSpan.TicksPerSecond) + (now.Nanoseconds / 100));
        }

        return Stopwatch.GetElapsedTime(0);
    }

    private const int ThreadCpuClock = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);
}
