namespace EnMasse.Policy.Vocabulary;

/// <summary>The admission operation an object is judged under.</summary>
public enum Operation
{
    Create,
    Update,
    Delete,
    Connect,
}
