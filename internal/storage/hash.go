// Package storage holds the byte-level work of downloads and transfers: presigned transfers through the SDK's
// one retrying transport, progress accounting and the filesystem cache of verified downloads. Checksums come
// from internal/checksum; uploads are built by internal/upload. It knows nothing about registry operations.
package storage

import (
	"crypto/rand"
	"encoding/hex"

	"github.com/istari-sdk/istari-go/internal/checksum"
	"github.com/istari-sdk/istari-go/types"
)

// NewUUID returns a random (version 4) UUID string.
func NewUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = (b[6] & 0x0f) | 0x40
	b[8] = (b[8] & 0x3f) | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// Check finishes h and compares its digest with expected, returning a *types.ChecksumError on a mismatch.
func Check(h *checksum.Hasher, expected string) error {
	if got := h.Sum(); !checksum.Matches(got, expected) {
		return &types.ChecksumError{Expected: expected, Actual: got}
	}
	return nil
}
