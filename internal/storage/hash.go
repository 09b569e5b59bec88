// Package storage holds the byte-level work of uploads and downloads: salts and ids, the
// streaming SHA-384 checksum, presigned transfers through the SDK's one retrying transport, progress
// accounting and the filesystem cache. It knows nothing about registry operations.
package storage

import (
	"crypto/rand"
	"crypto/sha512"
	"encoding/hex"
	"hash"
	"io"
	"strings"

	"github.com/istari-sdk/istari-go/types"
)

// bufSize is the copy buffer of hash passes and transfers: large enough for throughput, small enough that
// memory stays flat whatever the file size.
const bufSize = 256 << 10

// NewSalt returns a fresh salt: 32 random bytes as 64 lowercase hex characters.
func NewSalt() string {
	var b [32]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// NewUUID returns a random (version 4) UUID string.
func NewUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = (b[6] & 0x0f) | 0x40
	b[8] = (b[8] & 0x3f) | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// Hasher computes the token checksum while bytes stream through it: SHA-384 over the content, then the
// UTF-8 salt appended by Sum.
type Hasher struct {
	h    hash.Hash
	salt string
}

// NewHasher starts a checksum for salt.
func NewHasher(salt string) *Hasher { return &Hasher{h: sha512.New384(), salt: salt} }

// Write adds content bytes.
func (h *Hasher) Write(p []byte) (int, error) { return h.h.Write(p) }

// Sum appends the salt and returns the lowercase hex digest. Call it once.
func (h *Hasher) Sum() string {
	h.h.Write([]byte(h.salt))
	return hex.EncodeToString(h.h.Sum(nil))
}

// Check compares the digest with expected and returns a *types.ChecksumError on a mismatch.
func (h *Hasher) Check(expected string) error {
	if got := h.Sum(); got != strings.ToLower(expected) {
		return &types.ChecksumError{Expected: expected, Actual: got}
	}
	return nil
}

// SHA streams size bytes of ra into the checksum with salt (one sequential pass, bounded memory).
func SHA(ra io.ReaderAt, size int64, salt string) (string, error) {
	h := NewHasher(salt)
	buf := make([]byte, bufSize)
	if _, err := io.CopyBuffer(h, io.NewSectionReader(ra, 0, size), buf); err != nil {
		return "", err
	}
	return h.Sum(), nil
}
