// Deterministic synthetic corpus generator (issue #5). Filled in by the generator work.
Console.WriteLine("PressReleases corpus generator: nothing here yet.");
return 0;
