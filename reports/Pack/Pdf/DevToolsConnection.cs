using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Wcc.Reports.Pack.Pdf;

/// <summary>
/// The Chrome DevTools protocol over the browser's WebSocket: commands (a JSON message with an id, answered by a message
/// with the same id) and events (messages with a method and no id), with one "flat" session per page so that every
/// page's commands travel on the browser's one socket.
/// </summary>
/// <remarks>Only what printing needs: no domains are modelled, parameters and results are plain JSON.</remarks>
internal sealed class DevToolsConnection : IDisposable
{
    /// <summary>Receive buffer; a message larger than this (a 1 MiB PDF chunk in base64) is assembled from several reads.</summary>
    private const int ReceiveChunk = 64 * 1024;

    private readonly ClientWebSocket socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> pending = new();
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly CancellationTokenSource closing = new();

    /// <summary>Events received so far, by session, until the session is forgotten; guarded by itself.</summary>
    private readonly Dictionary<string, List<JsonElement>> events = new(StringComparer.Ordinal);

    /// <summary>Completed (and replaced) whenever an event arrives or the connection ends; guarded by <see cref="events"/>.</summary>
    private TaskCompletionSource eventArrived = NewSignal();

    private readonly Task receiving;
    private int lastId;
    private volatile string? closedBecause;

    private DevToolsConnection(ClientWebSocket socket)
    {
        this.socket = socket;
        receiving = Task.Run(ReceiveAsync);
    }

    /// <summary>Opens the browser's DevTools WebSocket (ws://127.0.0.1:PORT/devtools/browser/ID).</summary>
    public static async Task<DevToolsConnection> ConnectAsync(Uri endpoint, CancellationToken cancel)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(endpoint, cancel).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new DevToolsConnection(socket);
    }

    /// <summary>Sends a command and returns its result (the "result" object of the answer).</summary>
    /// <exception cref="DevToolsException">The browser answered with an error, or the connection ended.</exception>
    public async Task<JsonElement> CallAsync(string method, JsonObject? parameters, string? sessionId, CancellationToken cancel)
    {
        var id = Interlocked.Increment(ref lastId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = answer;
        try
        {
            if (closedBecause is { } why) throw new DevToolsException($"{method}: {why}");
            var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
            if (sessionId is not null) message["sessionId"] = sessionId;
            var bytes = JsonSerializer.SerializeToUtf8Bytes(message);
            await sending.WaitAsync(cancel).ConfigureAwait(false);
            try
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancel).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
            {
                throw new DevToolsException($"{method}: the browser's connection ended ({ex.Message})");
            }
            finally
            {
                sending.Release();
            }
            using var registration = cancel.Register(() => answer.TrySetCanceled(cancel));
            return await answer.Task.ConfigureAwait(false);
        }
        finally
        {
            pending.TryRemove(id, out _);
        }
    }

    /// <summary>Sends a command whose answer nobody waits for (an error in it is dropped: the caller does not depend on it).</summary>
    public void Post(string method, JsonObject? parameters, string? sessionId) =>
        _ = CallAsync(method, parameters, sessionId, closing.Token).ContinueWith(
            t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    /// <summary>Waits for an event of <paramref name="sessionId"/> named <paramref name="method"/> whose params match,
    /// including one that arrived before the call (events are kept until <see cref="Forget"/>).</summary>
    public async Task<JsonElement> WaitForEventAsync(string sessionId, string method, Func<JsonElement, bool> matches, CancellationToken cancel)
    {
        var seen = 0;
        while (true)
        {
            Task signal;
            lock (events)
            {
                if (events.TryGetValue(sessionId, out var received))
                {
                    for (; seen < received.Count; seen++)
                    {
                        var e = received[seen];
                        if (e.GetProperty("method").GetString() == method && e.TryGetProperty("params", out var p) && matches(p)) return p;
                    }
                }
                if (closedBecause is { } why) throw new DevToolsException($"waiting for {method}: {why}");
                signal = eventArrived.Task;
            }
            await signal.WaitAsync(cancel).ConfigureAwait(false);
        }
    }

    /// <summary>Drops the events kept for a session that is closed.</summary>
    public void Forget(string sessionId)
    {
        lock (events) events.Remove(sessionId);
    }

    public void Dispose()
    {
        closing.Cancel();
        socket.Abort();
        try
        {
            receiving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The receive loop ends with the socket; how it ended no longer matters.
        }
        socket.Dispose();
        sending.Dispose();
        closing.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[ReceiveChunk];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, closing.Token).ConfigureAwait(false);
                if (read.MessageType == WebSocketMessageType.Close)
                {
                    Close("the browser closed its DevTools connection");
                    return;
                }
                message.Write(buffer, 0, read.Count);
                if (!read.EndOfMessage) continue;
                Dispatch(message.GetBuffer().AsSpan(0, (int)message.Length));
                message.SetLength(0);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or JsonException)
        {
            Close($"the browser's DevTools connection ended ({ex.Message})");
        }
    }

    private void Dispatch(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement;
        if (root.TryGetProperty("id", out var idProperty))
        {
            if (!pending.TryGetValue(idProperty.GetInt32(), out var answer)) return;
            if (root.TryGetProperty("error", out var error))
            {
                var text = error.TryGetProperty("message", out var m) ? m.GetString() : error.GetRawText();
                answer.TrySetException(new DevToolsException(text ?? "unknown error"));
            }
            else
            {
                answer.TrySetResult(root.TryGetProperty("result", out var result) ? result.Clone() : default);
            }
            return;
        }
        var sessionId = root.TryGetProperty("sessionId", out var s) ? s.GetString() ?? "" : "";
        lock (events)
        {
            if (!events.TryGetValue(sessionId, out var received)) events[sessionId] = received = [];
            received.Add(root.Clone());
            eventArrived.TrySetResult();
            eventArrived = NewSignal();
        }
    }

    private void Close(string why)
    {
        lock (events)
        {
            closedBecause ??= why;
            eventArrived.TrySetResult();
        }
        foreach (var answer in pending.Values) answer.TrySetException(new DevToolsException(why));
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>The browser refused a DevTools command, or its connection ended.</summary>
internal sealed class DevToolsException(string message) : Exception(message);
