using System.Collections.Immutable;

namespace EnMasse.Policy.Catalog;

/// <summary>
/// The Addresses and MessagingUsers of one address space, with the indexes the rules look
/// things up in: by name, by spec.address, the topics, by spec.username, and what the
/// addresses take from the space's plan (<see cref="SpaceUsage"/>, kept as a running sum).
/// Immutable; a change makes a new partition that shares everything it did not touch.
/// </summary>
internal sealed class SpacePartition
{
    public static readonly SpacePartition Empty = new(
        ImmutableDictionary.Create<string, AddressEntry>(StringComparer.Ordinal),
        NameIndex.Empty,
        ValueIndex.Empty,
        ValueIndex.Empty,
        ImmutableDictionary.Create<string, UserEntry>(StringComparer.Ordinal),
        NameIndex.Empty,
        SpaceUsage.Empty);

    private SpacePartition(
        ImmutableDictionary<string, AddressEntry> addresses,
        ImmutableDictionary<string, ImmutableArray<string>> namesByAddress,
        ImmutableSortedSet<(string, string)> byAddress,
        ImmutableSortedSet<(string, string)> topics,
        ImmutableDictionary<string, UserEntry> users,
        ImmutableDictionary<string, ImmutableArray<string>> byUsername,
        SpaceUsage usage)
    {
        Addresses = addresses;
        NamesByAddress = namesByAddress;
        ByAddress = byAddress;
        Topics = topics;
        Users = users;
        ByUsername = byUsername;
        Usage = usage;
    }

    public ImmutableDictionary<string, AddressEntry> Addresses { get; }

    /// <summary>The names of the Addresses with each spec.address.</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> NamesByAddress { get; }

    /// <summary>(spec.address, name) of every Address that has one, in order, for prefix lookups.</summary>
    public ImmutableSortedSet<(string Value, string Name)> ByAddress { get; }

    /// <summary>(spec.address, name) of the Addresses of type topic.</summary>
    public ImmutableSortedSet<(string Value, string Name)> Topics { get; }

    public ImmutableDictionary<string, UserEntry> Users { get; }

    /// <summary>The names of the MessagingUsers with each spec.username.</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> ByUsername { get; }

    /// <summary>What the addresses take from the space's plan, summed with the address plans of the snapshot.</summary>
    public SpaceUsage Usage { get; }

    public bool IsEmpty => Addresses.IsEmpty && Users.IsEmpty;

    /// <param name="plans">The address plans the usage is summed with.</param>
    public Builder ToBuilder(IReadOnlyDictionary<string, AddressPlanEntry> plans) => new(this, plans);

    /// <summary>Changes to one partition within a batch: each index mutated in place, frozen once at the end.</summary>
    internal sealed class Builder(SpacePartition basis, IReadOnlyDictionary<string, AddressPlanEntry> plans)
    {
        private SpaceUsage _usage = basis.Usage;
        private IReadOnlyDictionary<string, AddressPlanEntry> _plans = plans;
        private readonly ImmutableDictionary<string, AddressEntry>.Builder _addresses = basis.Addresses.ToBuilder();
        private readonly ImmutableDictionary<string, ImmutableArray<string>>.Builder _namesByAddress = basis.NamesByAddress.ToBuilder();
        private readonly ImmutableSortedSet<(string, string)>.Builder _byAddress = basis.ByAddress.ToBuilder();
        private readonly ImmutableSortedSet<(string, string)>.Builder _topics = basis.Topics.ToBuilder();
        private readonly ImmutableDictionary<string, UserEntry>.Builder _users = basis.Users.ToBuilder();
        private readonly ImmutableDictionary<string, ImmutableArray<string>>.Builder _byUsername = basis.ByUsername.ToBuilder();

        /// <summary>Adds or replaces an Address; true when it is new.</summary>
        public bool Set(AddressEntry entry)
        {
            var isNew = !RemoveAddress(entry.Name);
            _addresses[entry.Name] = entry;
            _usage = Counted(_usage, entry, 1);
            if (entry.Address is { } address)
            {
                NameIndex.Add(_namesByAddress, address, entry.Name);
                _byAddress.Add((address, entry.Name));
                if (entry.Type == "topic")
                {
                    _topics.Add((address, entry.Name));
                }
            }

            return isNew;
        }

        /// <summary>Removes an Address; true when it was there.</summary>
        public bool RemoveAddress(string name)
        {
            if (!_addresses.TryGetValue(name, out var old))
            {
                return false;
            }

            _addresses.Remove(name);
            _usage = Counted(_usage, old, -1);
            if (old.Address is { } address)
            {
                NameIndex.Remove(_namesByAddress, address, name);
                _byAddress.Remove((address, name));
                _topics.Remove((address, name));
            }

            return true;
        }

        /// <summary>Adds or replaces a MessagingUser; true when it is new.</summary>
        public bool Set(UserEntry entry)
        {
            var isNew = !RemoveUser(entry.Name);
            _users[entry.Name] = entry;
            if (entry.Username is { } username)
            {
                NameIndex.Add(_byUsername, username, entry.Name);
            }

            return isNew;
        }

        /// <summary>Removes a MessagingUser; true when it was there.</summary>
        public bool RemoveUser(string name)
        {
            if (!_users.TryGetValue(name, out var old))
            {
                return false;
            }

            _users.Remove(name);
            if (old.Username is { } username)
            {
                NameIndex.Remove(_byUsername, username, name);
            }

            return true;
        }

        /// <summary>Sums the usage again over every address, with changed address plans.</summary>
        public void RecountUsage(IReadOnlyDictionary<string, AddressPlanEntry> plans)
        {
            _plans = plans;
            _usage = _addresses.Values.Aggregate(SpaceUsage.Empty, (sum, a) => Counted(sum, a, 1));
        }

        public SpacePartition ToImmutable() => new(
            _addresses.ToImmutable(),
            _namesByAddress.ToImmutable(),
            _byAddress.ToImmutable(),
            _topics.ToImmutable(),
            _users.ToImmutable(),
            _byUsername.ToImmutable(),
            _usage);

        // Decimal sums: taking an address out restores the sum exactly.
        private SpaceUsage Counted(SpaceUsage usage, AddressEntry address, int sign) =>
            usage.With(address.Plan is null ? null : _plans.GetValueOrDefault(address.Plan), address.Type, !address.Unprovisioned, sign);
    }
}
