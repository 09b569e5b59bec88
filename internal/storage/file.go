package storage

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// CreateTemp creates a new file in dir like os.CreateTemp (the last '*' of pattern becomes a random string),
// but with permission perm before the umask, where os.CreateTemp always uses 0600. Files the SDK creates for
// the caller (CopyTo) use 0666, so the process umask decides their mode as it does for os.Create.
func CreateTemp(dir, pattern string, perm os.FileMode) (*os.File, error) {
	if dir == "" {
		dir = os.TempDir()
	}
	prefix, suffix := pattern, ""
	if i := strings.LastIndexByte(pattern, '*'); i >= 0 {
		prefix, suffix = pattern[:i], pattern[i+1:]
	}
	for range 10000 {
		name := filepath.Join(dir, prefix+strings.ReplaceAll(NewUUID(), "-", "")[:16]+suffix)
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, &fs.PathError{Op: "createtemp", Path: filepath.Join(dir, pattern), Err: fs.ErrExist}
}
