using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Callback/Micro -- --filter '*'   (or ./run.sh --micro)
BenchmarkSwitcher.FromAssembly(typeof(ChatPost.Bench.Callback.Micro.CryptoBenchmarks).Assembly).Run(args);
