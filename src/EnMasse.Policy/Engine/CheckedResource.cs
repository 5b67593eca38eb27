using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Engine;

/// <summary>One object of a checked file and its verdict.</summary>
public sealed record CheckedResource(Resource Resource, Operation Operation, Decision Decision);
