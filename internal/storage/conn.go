package storage

import (
	"context"
	"io"
	"net"
	"sync"

	"github.com/istari-sdk/istari-go/internal/checksum"
)

// DialFunc is the dial function of an http.Transport.
type DialFunc func(ctx context.Context, network, addr string) (net.Conn, error)

// LargeWrites wraps dial so that request bodies reach the socket in checksum.BufSize writes, each filled by one
// read of the body (one pread of an uploaded file). net/http always wraps a body of known length in an
// io.LimitedReader and copies it to the connection with io.Copy, which uses 32 KiB chunks unless the
// connection is an io.ReaderFrom; a *net.TCPConn's ReadFrom falls back to that same 32 KiB copy for anything
// that is not a bare file or socket. The connection returned here is an io.ReaderFrom with a pooled large
// buffer: a 1 GiB upload takes 4,096 reads and writes instead of 32,768 of each.
//
// Over TLS the copy goes through *tls.Conn instead (records are at most 16 KiB whatever the buffer), so this
// only changes plain-HTTP transfers (local object stores, proxies that terminate TLS).
func LargeWrites(dial DialFunc) DialFunc {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := dial(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		return largeWriteConn{c}, nil
	}
}

// bufPool holds the copy buffers of request bodies (one per body being written).
var bufPool = sync.Pool{New: func() any { b := make([]byte, checksum.BufSize); return &b }}

type largeWriteConn struct{ net.Conn }

// ReadFrom copies r to the connection through one pooled buffer. The wrappers keep io.CopyBuffer from handing
// the copy back to either side's own ReadFrom or WriteTo.
func (c largeWriteConn) ReadFrom(r io.Reader) (int64, error) {
	buf := bufPool.Get().(*[]byte)
	defer bufPool.Put(buf)
	return io.CopyBuffer(struct{ io.Writer }{c.Conn}, struct{ io.Reader }{r}, *buf)
}
