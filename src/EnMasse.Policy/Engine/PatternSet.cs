namespace EnMasse.Policy.Engine;

/// <summary>
/// Finds many strings in a text in one pass (Aho-Corasick): building costs the total length of
/// the patterns, scanning costs the length of the text, however many patterns there are. Used
/// by <see cref="SecretScrubber"/>, where an object may carry thousands of secret values and a
/// message may be long; comparing each secret with each message would be quadratic.
/// </summary>
internal sealed class PatternSet
{
    private readonly Dictionary<long, int> _next = [];
    private readonly List<int> _fail = [0];
    private readonly List<int> _longest = [0];

    public PatternSet(IEnumerable<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            Add(pattern);
        }

        Link();
    }

    public bool IsEmpty => _longest.Count == 1;

    /// <summary>
    /// Marks every character of <paramref name="text"/> that lies inside an occurrence of a
    /// pattern: for each end position, the longest pattern ending there covers all shorter ones.
    /// </summary>
    /// <param name="cover">Same length as the text; set to true where a pattern covers a character.</param>
    public bool Mark(ReadOnlySpan<char> text, Span<bool> cover)
    {
        // The longest pattern ending at each position; then one sweep from the right covers the union.
        var starts = new int[text.Length];
        var any = false;
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            state = Step(state, text[i]);
            var length = _longest[state];
            starts[i] = length > 0 ? i - length + 1 : int.MaxValue;
            any |= length > 0;
        }

        var low = int.MaxValue;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            low = Math.Min(low, starts[i]);
            if (low <= i)
            {
                cover[i] = true;
            }
            else
            {
                low = int.MaxValue;
            }
        }

        return any;
    }

    private void Add(string pattern)
    {
        if (pattern.Length == 0)
        {
            return;
        }

        var state = 0;
        foreach (var c in pattern)
        {
            if (!_next.TryGetValue(Key(state, c), out var target))
            {
                target = _fail.Count;
                _fail.Add(0);
                _longest.Add(0);
                _next[Key(state, c)] = target;
            }

            state = target;
        }

        _longest[state] = Math.Max(_longest[state], pattern.Length);
    }

    /// <summary>Failure links in breadth-first order, and each state's longest pattern that ends there.</summary>
    private void Link()
    {
        var children = new List<(int Parent, char Symbol, int Child)>[_fail.Count];
        foreach (var (key, child) in _next)
        {
            var parent = (int)(key >> 16);
            (children[parent] ??= []).Add((parent, (char)(key & 0xFFFF), child));
        }

        var queue = new Queue<int>();
        queue.Enqueue(0);
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            foreach (var (parent, symbol, child) in children[state] ?? [])
            {
                _fail[child] = parent == 0 ? 0 : Step(_fail[parent], symbol);
                _longest[child] = Math.Max(_longest[child], _longest[_fail[child]]);
                queue.Enqueue(child);
            }
        }
    }

    private int Step(int state, char c)
    {
        while (true)
        {
            if (_next.TryGetValue(Key(state, c), out var target))
            {
                return target;
            }

            if (state == 0)
            {
                return 0;
            }

            state = _fail[state];
        }
    }

    private static long Key(int state, char c) => ((long)state << 16) | c;
}
