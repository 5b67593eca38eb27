namespace EnMasse.Policy.Vocabulary;

/// <summary>
/// Who asks for a change, as the API server authenticated them (an AdmissionReview's userInfo).
/// Offline checks have no requester.
/// </summary>
public sealed record Requester(string Username, IReadOnlyList<string> Groups);
