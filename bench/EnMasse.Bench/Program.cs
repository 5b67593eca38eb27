using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(EnMasse.Bench.UpdateBenchmarks).Assembly).Run(args);
