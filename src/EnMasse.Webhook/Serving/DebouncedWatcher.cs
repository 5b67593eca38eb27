namespace EnMasse.Webhook.Serving;

/// <summary>
/// Calls an action once a directory has been quiet for a moment after a change: an editor's
/// save or a ConfigMap's symlink swap is a burst of events that should cause one reload.
/// <para>
/// The directory may be deleted and created again (git-sync, <c>kubectl cp</c>, a redeploy
/// script): a watch on it dies with it. So the parent is watched for the directory's name, a
/// watcher error re-arms the watch, and a slow check re-arms it should both have missed the
/// moment. Each re-arm is a change, so the action runs and sees what is there now.
/// </para>
/// </summary>
internal sealed class DebouncedWatcher : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Check = TimeSpan.FromSeconds(5);

    private readonly string _directory;
    private readonly bool _recursive;
    private readonly Timer _timer;
    private readonly Timer _check;
    private readonly FileSystemWatcher? _parent;
    private readonly Lock _gate = new();
    private FileSystemWatcher? _watcher;
    private bool _disposed;
    private bool _existed = true;

    public DebouncedWatcher(string directory, bool recursive, Action onChange)
    {
        _directory = Path.GetFullPath(directory);
        _recursive = recursive;
        _timer = new Timer(_ => onChange(), null, Timeout.Infinite, Timeout.Infinite);
        if (Path.GetDirectoryName(_directory) is { } parent && Directory.Exists(parent))
        {
            _parent = new FileSystemWatcher(parent, Path.GetFileName(_directory)) { IncludeSubdirectories = false };
            _parent.Created += (_, _) => Rearm();
            _parent.Deleted += (_, _) => Rearm();
            _parent.Renamed += (_, _) => Rearm();
            _parent.Error += (_, _) => Rearm();
            _parent.EnableRaisingEvents = true;
        }

        Arm();
        _check = new Timer(_ => RearmIfLost(), null, Check, Check);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _watcher?.Dispose();
            _parent?.Dispose();
        }

        _check.Dispose();
        _timer.Dispose();
    }

    private void Poke() => _timer.Change(Quiet, Timeout.InfiniteTimeSpan);

    /// <summary>Watches the directory as it is now, if it exists.</summary>
    private void Arm()
    {
        lock (_gate)
        {
            _watcher?.Dispose();
            _watcher = null;
            if (_disposed || !Directory.Exists(_directory))
            {
                return;
            }

            try
            {
                var watcher = new FileSystemWatcher(_directory) { IncludeSubdirectories = _recursive };
                FileSystemEventHandler changed = (_, _) => Poke();
                watcher.Changed += changed;
                watcher.Created += changed;
                watcher.Deleted += changed;
                watcher.Renamed += (_, _) => Poke();
                watcher.Error += (_, _) => Rearm();
                watcher.EnableRaisingEvents = true;
                _watcher = watcher;
            }
            catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
            {
                // Gone again between the check and the watch: the parent or the slow check re-arms.
            }
        }
    }

    private void Rearm()
    {
        Arm();
        Poke();
    }

    /// <summary>Re-arms when the directory exists now but did not at the last check, or has no watch: events for it were missed.</summary>
    private void RearmIfLost()
    {
        bool lost;
        lock (_gate)
        {
            var exists = Directory.Exists(_directory);
            lost = !_disposed && exists && (_watcher is null || !_existed);
            _existed = exists;
        }

        if (lost)
        {
            Rearm();
        }
    }
}
