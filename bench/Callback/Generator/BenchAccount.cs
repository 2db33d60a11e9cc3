namespace ChatPost.Bench.Callback.Generator;

/// <summary>The test Official Account in safe mode that run.sh configures on ChatPost and on the peer alike.</summary>
/// <param name="AppId">The AppID, also the receive id inside every encrypted buffer.</param>
/// <param name="Token">The callback Token that signs the URL and the ciphertext.</param>
/// <param name="EncodingAesKey">The 43-character EncodingAESKey.</param>
internal sealed record BenchAccount(string AppId, string Token, string EncodingAesKey)
{
    /// <summary>The developer account (<c>gh_…</c>) that pushes are addressed to.</summary>
    public const string DeveloperAccount = "gh_chatpostbench";
}
