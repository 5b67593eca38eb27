namespace EnMasse.Webhook.Serving;

/// <summary>
/// Calls an action once a directory has been quiet for a moment after a change: an editor's
/// save or a ConfigMap's symlink swap is a burst of events that should cause one reload.
/// </summary>
internal sealed class DebouncedWatcher : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    private readonly FileSystemWatcher _watcher;
    private readonly Timer _timer;

    public DebouncedWatcher(string directory, bool recursive, Action onChange)
    {
        _timer = new Timer(_ => onChange(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(directory) { IncludeSubdirectories = recursive };
        FileSystemEventHandler changed = (_, _) => Poke();
        _watcher.Changed += changed;
        _watcher.Created += changed;
        _watcher.Deleted += changed;
        _watcher.Renamed += (_, _) => Poke();
        _watcher.EnableRaisingEvents = true;
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _timer.Dispose();
    }

    private void Poke() => _timer.Change(Quiet, Timeout.InfiniteTimeSpan);
}
