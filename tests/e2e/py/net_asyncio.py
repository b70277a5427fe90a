"""asyncio under hermetic, for the net-asyncio.sh e2e test.

usage: net_asyncio.py sleep | echo HOST

sleep: asyncio.run() of a coroutine awaiting asyncio.sleep(0) (the event
loop makes a socketpair for its self-pipe); prints "sleep -> ok".
echo: an asyncio TCP server on HOST:0 and a client in the same loop that
sends a line and reads the echo; prints "echo -> ok got=LINE", or the
errno name the client's connect got. Exits 0 either way.
"""
import asyncio
import errno
import sys


async def nap():
    await asyncio.sleep(0)
    return "ok"


async def echo(host):
    async def handle(reader, writer):
        writer.write(await reader.readline())
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, host, 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        try:
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection(host, port), 10)
        except OSError as e:
            return errno.errorcode.get(e.errno, str(e))
        writer.write(b"ping\n")
        line = await asyncio.wait_for(reader.readline(), 10)
        writer.close()
        await writer.wait_closed()
        return "ok got=" + line.decode().strip()


if sys.argv[1] == "sleep":
    print("sleep -> " + asyncio.run(nap()))
else:
    print("echo -> " + asyncio.run(echo(sys.argv[2])))
