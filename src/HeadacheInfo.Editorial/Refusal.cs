namespace HeadacheInfo.Editorial;

/// <summary>Why the editorial rules refuse an action: a code; the words staff read live in the web project.</summary>
public enum Refusal
{
    /// <summary>The action is a reviewer's, and the person is not one now.</summary>
    NotAReviewer,

    /// <summary>The person wrote part of the text (or uploaded a picture it first shows) they would sign off.</summary>
    WroteIt,
}
