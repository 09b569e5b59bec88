package storage

import (
	"io"
	"sync"
)

// Progress reports the bytes of one transfer to a callback. Reports are monotonic even when parts upload
// concurrently and when an attempt is retried: a retried part only counts bytes beyond what it sent before.
// A nil *Progress reports nothing.
type Progress struct {
	fn    func(sent, total int64)
	total int64
	mu    sync.Mutex
	sent  int64
}

// NewProgress returns a Progress calling fn (nil when fn is nil).
func NewProgress(fn func(sent, total int64), total int64) *Progress {
	if fn == nil {
		return nil
	}
	return &Progress{fn: fn, total: total}
}

func (p *Progress) add(n int64) {
	if p == nil || n <= 0 {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.sent += n
	p.fn(p.sent, p.total)
}

// Sent is the number of bytes reported so far.
func (p *Progress) Sent() int64 {
	if p == nil {
		return 0
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.sent
}

// Part tracks one part (or one whole object) across its attempts.
type Part struct {
	p    *Progress
	mu   sync.Mutex // attempts are sequential, but a failed attempt's writer may still be draining
	high int64      // bytes of this part already reported
}

// Part starts tracking a part.
func (p *Progress) Part() *Part { return &Part{p: p} }

// Reader wraps one attempt's body: bytes past the part's high-water mark are reported.
func (pt *Part) Reader(r io.Reader) io.Reader {
	if pt == nil || pt.p == nil {
		return r
	}
	return &countingReader{r: r, pt: pt}
}

type countingReader struct {
	r   io.Reader
	pt  *Part
	pos int64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.pos += int64(n)
	c.pt.mu.Lock()
	if c.pos > c.pt.high {
		c.pt.p.add(c.pos - c.pt.high)
		c.pt.high = c.pos
	}
	c.pt.mu.Unlock()
	return n, err
}

// Writer counts bytes written through it (downloads).
func (p *Progress) Writer(w io.Writer) io.Writer {
	if p == nil {
		return w
	}
	return &countingWriter{w: w, p: p}
}

type countingWriter struct {
	w io.Writer
	p *Progress
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.p.add(int64(n))
	return n, err
}
