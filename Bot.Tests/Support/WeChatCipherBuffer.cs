using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ChatPost.Bot.Tests.Support;

/// <summary>
/// Builds WeChat's plaintext buffer (random(16) + length(4) + message + receive id + pad) by hand and encrypts it
/// without padding, so tests can send ciphertexts that a correct encrypter would never produce.
/// </summary>
public static class WeChatCipherBuffer
{
    public static byte[] Build(ReadOnlySpan<byte> message, string receiveId, uint? declaredLength = null)
    {
        var id = Encoding.UTF8.GetBytes(receiveId);
        var unpadded = 20 + message.Length + id.Length;
        var pad = 32 - unpadded % 32;
        var buffer = new byte[unpadded + pad];
        "0123456789abcdef"u8.CopyTo(buffer);
        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(16), declaredLength ?? (uint)message.Length);
        message.CopyTo(buffer.AsSpan(20));
        id.CopyTo(buffer.AsSpan(20 + message.Length));
        buffer.AsSpan(unpadded).Fill((byte)pad);
        return buffer;
    }

    /// <summary>AES-256-CBC with the IV WeChat uses (the key's first 16 bytes), no padding added.</summary>
    public static string Encrypt(byte[] plain, string encodingAesKey)
    {
        using var aes = Aes.Create();
        aes.Key = Convert.FromBase64String(encodingAesKey + "=");
        return Convert.ToBase64String(aes.EncryptCbc(plain, aes.Key[..16], PaddingMode.None));
    }
}
