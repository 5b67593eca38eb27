namespace EnMasse.Cli.Cluster;

/// <summary>The cluster cannot be asked at all (no credentials, unreachable, refused, not EnMasse): the run cannot be made. The message is one line for the user.</summary>
internal sealed class ClusterException(string message) : Exception(message);
