package storage

import (
	"os"
	"time"
)

// stamp is how an entry looked when its bytes were verified: any write since changes its modification time
// (set to the nanosecond by markVerified, so a write in the same clock tick still differs), and a replaced
// file has another identity.
type stamp struct {
	size, mtime int64
	dev, ino    uint64
}

func stampOf(fi os.FileInfo) stamp {
	dev, ino := fileID(fi)
	return stamp{size: fi.Size(), mtime: fi.ModTime().UnixNano(), dev: dev, ino: ino}
}

// markVerified sets the modification time of the verified file at path to now, at full clock resolution (the
// kernel stamps writes with a coarser clock), and returns its stamp.
func markVerified(path string) (stamp, error) {
	now := time.Now()
	if err := os.Chtimes(path, now, now); err != nil {
		return stamp{}, err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return stamp{}, err
	}
	return stampOf(fi), nil
}
