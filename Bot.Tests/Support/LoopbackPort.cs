using System.Net;
using System.Net.Sockets;

namespace ChatPost.Bot.Tests.Support;

/// <summary>Free loopback ports for the servers tests start, asked of the kernel rather than guessed on a shared machine.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
