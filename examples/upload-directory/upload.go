package main

import (
	"context"
	"crypto/rand"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"text/tabwriter"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/examples/internal/setup"
	"github.com/istari-sdk/istari-go/types"
)

// concurrency is how many files upload at once.
const concurrency = 2

// run uploads the directory named by the first argument, or a generated one when there is none.
func run(ctx context.Context, env *setup.Env, w io.Writer) error {
	dir := flag.Arg(0)
	if dir == "" {
		tmp, err := os.MkdirTemp("", "istari-upload-*")
		if err != nil {
			return err
		}
		defer func() { _ = os.RemoveAll(tmp) }()
		if err := generate(tmp); err != nil {
			return err
		}
		fmt.Fprintln(w, "no directory given: uploading generated files from", tmp)
		dir = tmp
	}
	return uploadDir(ctx, env.Client, dir, w)
}

// uploaded is one row of the summary.
type uploaded struct {
	name string
	size int64
	file *types.File
}

// uploadDir uploads the regular files of dir (not its subdirectories), concurrency at a time, and prints
// the summary. The first failure cancels the uploads still running and is returned.
func uploadDir(ctx context.Context, c *istari.Client, dir string, w io.Writer) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var rows []*uploaded
	for _, e := range entries {
		if info, err := e.Info(); err == nil && info.Mode().IsRegular() {
			rows = append(rows, &uploaded{name: e.Name(), size: info.Size()})
		}
	}
	fmt.Fprintf(w, "uploading %d file(s), %d at a time\n", len(rows), concurrency)

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg       sync.WaitGroup
		sem      = make(chan struct{}, concurrency)
		out      = &lockedWriter{w: w}
		errOnce  sync.Once
		firstErr error
	)
	for i, row := range rows {
		select { // wait for a free slot
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			p := &progress{w: out, label: fmt.Sprintf("[%d/%d] %s", i+1, len(rows), row.name), last: -1}
			p.report(0, row.size)
			f, err := c.AddFile(ctx, filepath.Join(dir, row.name), &istari.UploadOptions{Progress: p.report})
			if err != nil {
				errOnce.Do(func() { firstErr = fmt.Errorf("uploading %s: %w", row.name, err); cancel() })
				return
			}
			p.report(row.size, row.size) // an empty file reports no progress of its own
			row.file = f
		}()
	}
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	if err := ctx.Err(); err != nil {
		return err
	}

	sort.Slice(rows, func(i, j int) bool { return rows[i].name < rows[j].name })
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tSIZE\tFILE ID\tREVISION ID")
	var total int64
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.name, humanSize(r.size), r.file.ID, r.file.Revision().ID)
		total += r.size
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "uploaded %d file(s), %s in total\n", len(rows), humanSize(total))
	return nil
}

// progress prints one file's progress each time it reaches the next quarter.
type progress struct {
	w     io.Writer
	label string
	last  int // last percentage printed
}

// report is the UploadOptions.Progress callback: the SDK serializes the calls of one upload.
func (p *progress) report(sent, total int64) {
	pct := 100
	if total > 0 {
		pct = int(sent * 100 / total)
	}
	step := pct / 25 * 25
	if step <= p.last {
		return
	}
	p.last = step
	fmt.Fprintf(p.w, "%s  %s / %s  %d%%\n", p.label, humanSize(sent), humanSize(total), step)
}

// lockedWriter lets the concurrent uploads print whole lines without interleaving.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}

// humanSize formats a byte count as B, KiB or MiB.
func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	default:
		return fmt.Sprintf("%d B", n)
	}
}

// generate writes a few files of different sizes (random bytes) into dir.
func generate(dir string) error {
	files := map[string]int{
		"notes.txt":   0,
		"params.json": 2 << 10,
		"report.csv":  600 << 10,
		"wing.step":   1536 << 10,
		"mesh.stl":    2 << 20,
	}
	for name, size := range files {
		b := make([]byte, size)
		_, _ = rand.Read(b)
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
