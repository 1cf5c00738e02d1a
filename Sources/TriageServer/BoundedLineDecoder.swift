import NIOCore

/// One framed line, or the news that a line was too long and was thrown away.
public enum FramedLine: Sendable, Equatable {
    case line(ByteBuffer)
    case tooLong
}

/// Splits bytes on LF like `LineBasedFrameDecoder`, but never holds more than `maxLineBytes`: a longer line is
/// discarded as it arrives (memory stays bounded) and reported once as `.tooLong`; the connection carries on.
public struct BoundedLineDecoder: ByteToMessageDecoder {
    public typealias InboundOut = FramedLine

    let maxLineBytes: Int
    private var discarding = false

    public init(maxLineBytes: Int) { self.maxLineBytes = maxLineBytes }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let view = buffer.readableBytesView
        if let newline = view.firstIndex(of: UInt8(ascii: "\n")) {
            let length = newline - view.startIndex
            if discarding {
                buffer.moveReaderIndex(forwardBy: length + 1)
                discarding = false
                return .continue
            }
            // The limit counts the line's own bytes, not its LF or CRLF ending.
            var contentLength = length
            if contentLength > 0, view[newline - 1] == UInt8(ascii: "\r") { contentLength -= 1 }
            if contentLength > maxLineBytes {
                buffer.moveReaderIndex(forwardBy: length + 1)
                context.fireChannelRead(wrapInboundOut(.tooLong))
            } else {
                let line = buffer.readSlice(length: length)!
                buffer.moveReaderIndex(forwardBy: 1)
                context.fireChannelRead(wrapInboundOut(.line(line)))
            }
            return .continue
        }
        if view.count > maxLineBytes + 1 {
            // No newline within the limit: drop what we have and keep dropping until the next newline.
            buffer.moveReaderIndex(forwardBy: view.count)
            if !discarding {
                discarding = true
                context.fireChannelRead(wrapInboundOut(.tooLong))
            }
            return .continue
        }
        if discarding {
            buffer.moveReaderIndex(forwardBy: view.count)
        }
        return .needMoreData
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        // A last line without a newline still counts (unless it was being discarded).
        while try decode(context: context, buffer: &buffer) == .continue {}
        if buffer.readableBytes > 0 {
            if !discarding { context.fireChannelRead(wrapInboundOut(.line(buffer.readSlice(length: buffer.readableBytes)!))) }
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        }
        return .needMoreData
    }
}
