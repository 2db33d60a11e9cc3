namespace ChatPost.Bot.Tests.Support;

/// <summary>Where the repository is, found from the test's output folder (the folder holding ChatPost.sln).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ChatPost.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("ChatPost.sln not found above " + AppContext.BaseDirectory);
    }
}
