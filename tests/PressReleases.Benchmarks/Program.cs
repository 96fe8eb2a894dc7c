// Benchmarks for PressReleases (issue #5). The verbs are filled in by the benchmark work.
Console.WriteLine("PressReleases benchmarks: nothing here yet.");
return 0;
