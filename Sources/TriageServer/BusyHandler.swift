import NIOCore

/// Tells a connection over `--max-sessions` (or arriving while the service closes) that the service is busy,
/// then closes it. No session is started.
final class BusyHandler: ChannelInboundHandler {
    typealias InboundIn = FramedLine
    typealias OutboundOut = ByteBuffer

    private let notice: String

    init(notice: String) { self.notice = notice }

    func channelActive(context: ChannelHandlerContext) {
        context.writeFinalText(notice)
    }

    /// Whatever the kiosk sends meanwhile is ignored.
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
}
