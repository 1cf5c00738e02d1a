import NIOCore

extension ChannelHandlerContext {
    /// How long a last message may take to be read before the connection is closed anyway.
    static let finalWriteGrace: TimeAmount = .seconds(5)

    /// Writes the last text of a connection, then closes it. A kiosk that has stopped reading (or a TLS client
    /// stuck in its handshake) would otherwise keep the connection, its session slot and a shutdown waiting forever,
    /// so the connection is closed after `finalWriteGrace` whether or not the text was read.
    func writeFinalText(_ text: String) {
        let channel = self.channel
        let deadline = eventLoop.scheduleTask(in: Self.finalWriteGrace) { channel.close(promise: nil) }
        // Written: close now and drop the timer, which would otherwise keep the closed channel for its 5 s.
        writeAndFlush(NIOAny(channel.allocator.buffer(string: text))).whenComplete { _ in
            deadline.cancel()
            channel.close(promise: nil)
        }
    }
}
