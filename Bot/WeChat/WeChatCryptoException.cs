namespace ChatPost.Bot.WeChat;

/// <summary>
/// A WeChat crypto configuration error, such as an illegal EncodingAESKey. Thrown only for bugs in configuration,
/// never for hostile or malformed input: decryption reports those as a <see cref="WeChatCryptoError"/> value.
/// </summary>
/// <param name="error">The official error code.</param>
/// <param name="message">What is wrong; never contains the key itself.</param>
public sealed class WeChatCryptoException(WeChatCryptoError error, string message) : Exception(message)
{
    /// <summary>The official error code, e.g. <see cref="WeChatCryptoError.IllegalAesKey"/>.</summary>
    public WeChatCryptoError Error { get; } = error;
}
