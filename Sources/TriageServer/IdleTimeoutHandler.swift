import NIOCore

/// After `IdleStateHandler` reports no input for the idle time, warns once; if the person still sends nothing
/// for the same time again, says goodbye and closes.
final class IdleTimeoutHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = FramedLine
    typealias InboundOut = FramedLine
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let warning: String
    private let goodbye: String
    private var warned = false
    private let onTimeout: @Sendable () -> Void

    init(warning: String, goodbye: String, onTimeout: @escaping @Sendable () -> Void) {
        self.warning = warning
        self.goodbye = goodbye
        self.onTimeout = onTimeout
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        warned = false
        context.fireChannelRead(data)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        if !warned {
            warned = true
            context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: warning)), promise: nil)
        } else {
            onTimeout()
            context.writeFinalText(goodbye)
        }
    }
}
