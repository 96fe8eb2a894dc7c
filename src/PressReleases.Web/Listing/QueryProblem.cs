namespace PressReleases.Web.Listing;

/// <summary>A query-string value that could not be used, and why. Pages show it as a notice; the API answers 400.</summary>
public sealed record QueryProblem(string Parameter, string Message);
