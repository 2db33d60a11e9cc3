namespace ChatPost.Bench.Callback.Generator;

/// <summary>A command, <c>--name value</c> options and the remaining words (file names).</summary>
internal static class Arguments
{
    public static (string Command, Dictionary<string, string> Options, List<string> Files) Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("prepare" or "check"))
        {
            Console.Error.WriteLine("usage: prepare --out DIR --app-id A --token T --aes-key K [...] | check --app-id A --token T --aes-key K --expect PREFIX FILE...");
            Environment.Exit(2);
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                options[args[i][2..]] = args[++i];
            }
            else
            {
                files.Add(args[i]);
            }
        }

        return (args[0], options, files);
    }
}
