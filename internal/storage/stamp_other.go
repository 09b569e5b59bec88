//go:build !unix

package storage

import "os"

// fileID is unknown here: size and modification time identify a verified entry.
func fileID(os.FileInfo) (dev, ino uint64) { return 0, 0 }
