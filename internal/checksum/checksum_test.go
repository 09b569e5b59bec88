package checksum

import (
	"crypto/sha512"
	"encoding/hex"
	"strings"
	"testing"
	"testing/iotest"
)

func TestReaderIsSHA384OfContentThenSalt(t *testing.T) {
	sum := sha512.Sum384([]byte("hello world" + "sält"))
	want := hex.EncodeToString(sum[:])
	got, n, err := Reader(iotest.OneByteReader(strings.NewReader("hello world")), "sält")
	if err != nil || n != 11 || got != want {
		t.Fatalf("Reader = %s, %d, %v; want %s, 11", got, n, err, want)
	}
	at, err := ReaderAt(strings.NewReader("hello world"), 11, "sält")
	if err != nil || at != want {
		t.Errorf("ReaderAt = %s, %v", at, err)
	}
	h := New("sält")
	_, _ = h.Write([]byte("hello "))
	_, _ = h.Write([]byte("world"))
	if s := h.Sum(); !Matches(s, strings.ToUpper(want)) || Matches(s, want[1:]) {
		t.Errorf("streamed sum %s does not match %s case-insensitively only", s, want)
	}
}

func TestSumWithHashesContentOnceForAnySalt(t *testing.T) {
	h := New("")
	_, _ = h.Write([]byte("hello world"))
	for _, salt := range []string{"sält", "other", ""} {
		sum := sha512.Sum384([]byte("hello world" + salt))
		if got := h.SumWith(salt); got != hex.EncodeToString(sum[:]) {
			t.Errorf("SumWith(%q) = %s", salt, got)
		}
	}
}

// TestNewSaltIsAUUID4HexFresh: the Python client's salt is a UUID4 as 32 lowercase hex characters.
func TestNewSaltIsAUUID4HexFresh(t *testing.T) {
	a, b := NewSalt(), NewSalt()
	if len(a) != 32 || strings.Trim(a, "0123456789abcdef") != "" || a[12] != '4' || !strings.ContainsRune("89ab", rune(a[16])) || a == b {
		t.Errorf("NewSalt = %q, %q", a, b)
	}
}
