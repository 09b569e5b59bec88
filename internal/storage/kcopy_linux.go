package storage

import (
	"errors"
	"os"
	"runtime"
	"sync"

	"golang.org/x/sys/unix"
)

// kernelCopy copies size bytes of src into dst (both from offset 0) with copy_file_range, in parallel ranges
// so that a copy the filesystem cannot share (tmpfs, ext4) uses every core. It reports false, having copied
// nothing, when the kernel cannot copy between these files (another filesystem, say).
func kernelCopy(dst, src *os.File, size int64) (bool, error) {
	const chunk = 64 << 20
	if size == 0 {
		return true, nil
	}
	// The first range tells whether the kernel copies between these two files at all.
	first := min(size, chunk)
	if err := copyRange(dst, src, 0, first); err != nil {
		if errors.Is(err, unix.EXDEV) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EINVAL) ||
			errors.Is(err, unix.EOPNOTSUPP) || errors.Is(err, unix.EPERM) {
			return sendfile(dst, src, size) // across filesystems of different kinds
		}
		return true, err
	}
	next := make(chan int64)
	var (
		wg       sync.WaitGroup
		once     sync.Once
		firstErr error
	)
	for range min(runtime.GOMAXPROCS(0), 4) {
		wg.Go(func() {
			for off := range next {
				if err := copyRange(dst, src, off, min(chunk, size-off)); err != nil {
					once.Do(func() { firstErr = err })
				}
			}
		})
	}
	for off := first; off < size; off += chunk {
		next <- off
	}
	close(next)
	wg.Wait()
	return true, firstErr
}

func copyRange(dst, src *os.File, off, n int64) error {
	roff, woff := off, off
	for n > 0 {
		c, err := unix.CopyFileRange(int(src.Fd()), &roff, int(dst.Fd()), &woff, int(n), 0)
		if err != nil {
			return err
		}
		if c == 0 {
			return errors.New("copy_file_range: source ended early")
		}
		n -= int64(c)
	}
	return nil
}

// sendfile copies size bytes of src into dst from offset 0 with sendfile(2), which works between any two
// files, in one thread. It reports false, having copied nothing, when the kernel refuses.
func sendfile(dst, src *os.File, size int64) (bool, error) {
	var off int64
	for off < size {
		n, err := unix.Sendfile(int(dst.Fd()), int(src.Fd()), &off, int(min(size-off, 1<<30)))
		switch {
		case err != nil && off == 0 && (errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS)):
			return false, nil
		case err != nil:
			return true, err
		case n == 0:
			return true, errors.New("sendfile: source ended early")
		}
	}
	return true, nil
}
