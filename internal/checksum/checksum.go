// Package checksum is the SDK's one implementation of the token checksum: the lowercase hex SHA-384 of an
// object's bytes followed by the UTF-8 bytes of its salt. Uploads, downloads, the filesystem cache and
// types.Token.Verify all compute it here.
//
// Python: istari_digital_client's Token.compare_token / the sha computed by create_revision.
package checksum

import (
	"crypto/rand"
	"crypto/sha512"
	"encoding/hex"
	"hash"
	"io"
	"strings"
)

// BufSize is the copy buffer of hash passes and transfers: large enough for throughput, small enough that
// memory stays flat whatever the file size.
const BufSize = 256 << 10

// Hasher computes the checksum while bytes stream through it (an io.Writer); Sum appends the salt.
type Hasher struct {
	h    hash.Hash
	salt string
}

// New starts a checksum for salt.
func New(salt string) *Hasher { return &Hasher{h: sha512.New384(), salt: salt} }

// Write adds content bytes; it never fails.
func (h *Hasher) Write(p []byte) (int, error) { return h.h.Write(p) }

// Sum appends the salt and returns the lowercase hex digest. Call it once.
func (h *Hasher) Sum() string {
	h.h.Write([]byte(h.salt))
	return hex.EncodeToString(h.h.Sum(nil))
}

// SumWith returns the checksum of the content written so far followed by salt, leaving h as it was: content
// can be hashed before its salt is known (a reader spooled while it is hashed, whose salt comes from the
// revision it updates). h's own salt is ignored.
func (h *Hasher) SumWith(salt string) string {
	c, err := h.h.(hash.Cloner).Clone() // every SHA-384 of the standard library clones without error
	if err != nil {
		panic("checksum: cloning SHA-384: " + err.Error())
	}
	d := c.(hash.Hash)
	d.Write([]byte(salt))
	return hex.EncodeToString(d.Sum(nil))
}

// Matches reports whether sum equals expected, compared as lowercase hex.
func Matches(sum, expected string) bool { return sum == strings.ToLower(expected) }

// Reader streams r to its end into the checksum with salt (bounded memory) and returns the digest and the
// number of content bytes read.
func Reader(r io.Reader, salt string) (sum string, n int64, err error) {
	h := New(salt)
	n, err = Copy(h, r)
	if err != nil {
		return "", n, err
	}
	return h.Sum(), n, nil
}

// ReaderAt streams size bytes of ra from offset 0 into the checksum with salt.
func ReaderAt(ra io.ReaderAt, size int64, salt string) (string, error) {
	sum, _, err := Reader(io.NewSectionReader(ra, 0, size), salt)
	return sum, err
}

// Copy copies through one buffer of BufSize. dst and src are wrapped so that io.CopyBuffer cannot switch to
// their ReadFrom/WriteTo, which may use small buffers (io.Discard reads 8 KiB at a time, which made every
// hashed download pay a syscall and a hash call per 8 KiB).
func Copy(dst io.Writer, src io.Reader) (int64, error) {
	return io.CopyBuffer(struct{ io.Writer }{dst}, struct{ io.Reader }{src}, make([]byte, BufSize))
}

// NewSalt returns a fresh salt the way the Python client makes one: a random (version 4) UUID as 32 lowercase
// hex characters without dashes.
func NewSalt() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = (b[6] & 0x0f) | 0x40
	b[8] = (b[8] & 0x3f) | 0x80
	return hex.EncodeToString(b[:])
}
