using System.Diagnostics;
using System.Globalization;

namespace EnMasse.Benchmarks.Cli;

/// <summary>One run of a process: wall time from start to exit, its exit code, and its peak resident memory (VmHWM, polled while it runs).</summary>
internal sealed record ProcessRun(double Seconds, int ExitCode, long PeakBytes)
{
    public static ProcessRun Of(string file, IEnumerable<string> args, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }

        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(5))
        {
            peak = Math.Max(peak, PeakOf(process.Id));
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Task.WaitAll(output, errors);
        if (process.ExitCode > 1)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} exited {process.ExitCode}: {errors.Result}{output.Result}");
        }

        return new ProcessRun(seconds, process.ExitCode, peak);
    }

    /// <summary>Peak resident set of a live process, from /proc; 0 once it is gone.</summary>
    public static long PeakOf(int pid) => StatusField(pid, "VmHWM:");

    /// <summary>Resident set of a live process, from /proc.</summary>
    public static long ResidentOf(int pid) => StatusField(pid, "VmRSS:");

    private static long StatusField(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}
