namespace ChatPost.Bot.WeChat;

/// <summary>
/// The error codes of Tencent's WXBizMsgCrypt samples (identical across their C#, Java, PHP and Python versions),
/// so that logs and support tickets speak the same numbers as WeChat's documentation.
/// </summary>
public enum WeChatCryptoError
{
    /// <summary>0 — success.</summary>
    None = 0,

    /// <summary>-40001 签名验证错误 — the signature does not match.</summary>
    ValidateSignature = -40001,

    /// <summary>-40002 xml解析失败 — the XML could not be parsed.</summary>
    ParseXml = -40002,

    /// <summary>-40003 sha加密生成签名失败 — computing the SHA-1 signature failed.</summary>
    ComputeSignature = -40003,

    /// <summary>-40004 AESKey非法 — the EncodingAESKey is not 43 letters or digits decoding to 32 bytes.</summary>
    IllegalAesKey = -40004,

    /// <summary>-40005 appid/corpid 校验错误 — the decrypted receiveId is not the configured AppID/CorpID.</summary>
    ValidateReceiveId = -40005,

    /// <summary>-40006 AES加密失败 — AES encryption failed.</summary>
    EncryptAes = -40006,

    /// <summary>-40007 AES解密失败 — AES decryption failed (here: empty ciphertext or not whole 16-byte blocks).</summary>
    DecryptAes = -40007,

    /// <summary>-40008 解密后得到的buffer非法 — the decrypted buffer is malformed (padding, length prefix or UTF-8).</summary>
    IllegalBuffer = -40008,

    /// <summary>-40009 base64加密失败 — base64 encoding failed.</summary>
    EncodeBase64 = -40009,

    /// <summary>-40010 base64解密失败 — the ciphertext is not valid base64.</summary>
    DecodeBase64 = -40010,

    /// <summary>-40011 生成xml失败 — generating the reply XML failed (WeCom samples only).</summary>
    GenerateXml = -40011,
}
