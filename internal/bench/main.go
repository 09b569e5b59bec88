//go:build linux

// Command bench measures the SDK's large transfers against baselines doing the minimum I/O the protocol
// needs, each side in its own process against one fake registry (istaritest) in a third process:
//
//	go run ./internal/bench -size 1GiB -runs 5 -dir /dev/shm/istari-bench
//
// Comparisons, each as per-run ratios SDK ÷ baseline (min / median / max over runs whose order alternates):
//
//   - upload: AddModel with the default configuration ÷ a plain program that hashes the file (SHA-384 of the
//     bytes and the salt, 256 KiB reads), asks for an upload URL, PUTs the file with net/http (a plain
//     reader, so no sendfile), uploads the properties blob the same way and registers the model;
//   - download: CopyTo with the default configuration (the filesystem cache on) and with the cache off ÷ a
//     plain program that asks for a download URL, GETs it into a temp file beside the target while hashing
//     (256 KiB copies, no ReadFrom/WriteTo shortcut), checks the checksum, fsyncs and renames;
//   - cache hit: in one SDK process, CopyTo of a token already downloaded ÷ its first CopyTo.
//
// Wall time is measured from outside each process (start to exit), peak RSS is the whole process's VmHWM as
// the kernel reports it, and read/write syscall counts come from /proc/self/io. Temp files, the SDK cache
// and the fake's storage live under -dir (TMPDIR points there); use a tmpfs to measure the SDK rather than
// the disk. Linux only (it reads /proc).
package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/types"
)

// result is what a measured child prints as its last line.
type result struct {
	OpNS   int64  `json:"op_ns"`            // the operation's own time, measured inside
	HitNS  int64  `json:"hit_ns,omitempty"` // sdk-hit: the second (cached) CopyTo
	HWMKiB int64  `json:"hwm_kib"`
	SysR   int64  `json:"syscr"`
	SysW   int64  `json:"syscw"`
	SHA    string `json:"sha,omitempty"` // uploads: the content token, freed afterwards
	Salt   string `json:"salt,omitempty"`

	wall    time.Duration // measured by the parent, start to exit
	cpu     time.Duration // the child's user+system CPU
	fakeCPU float64       // seconds of CPU the fake spent during the child's run
}

func main() {
	if role := os.Getenv("ISTARI_BENCH_ROLE"); role != "" {
		if err := child(role); err != nil {
			fmt.Fprintln(os.Stderr, "bench "+role+":", err)
			os.Exit(1)
		}
		return
	}
	size := flag.String("size", "1GiB", "file size of the timed runs (KiB, MiB, GiB suffixes)")
	runs := flag.Int("runs", 5, "alternating runs per comparison (medians need at least 5)")
	dir := flag.String("dir", "", "working directory for files, the SDK cache and the fake's storage (default: a temp dir)")
	rssSizes := flag.String("rss-sizes", "64MiB", "extra sizes whose peak RSS is measured (3 runs each), comma-separated; empty for none")
	flag.Parse()
	n, err := parseSize(*size)
	if err != nil {
		fail(err)
	}
	if *runs < 1 {
		fail(errors.New("-runs must be at least 1"))
	}
	var extra []int64
	for f := range strings.SplitSeq(*rssSizes, ",") {
		if f = strings.TrimSpace(f); f != "" {
			v, err := parseSize(f)
			if err != nil {
				fail(err)
			}
			extra = append(extra, v)
		}
	}
	if err := run(n, *runs, *dir, extra); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "bench:", err)
	os.Exit(1)
}

func parseSize(s string) (int64, error) {
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if v, ok := strings.CutSuffix(s, u.suffix); ok {
			s, mult = v, u.m
			break
		}
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil || v <= 0 {
		return 0, fmt.Errorf("bad size %q", s)
	}
	return v * mult, nil
}

// bench is one harness run: the fake's process and the working directory.
type bench struct {
	dir, tmp string
	fake     *exec.Cmd
	fakeIn   io.Writer
	fakeOut  *bufio.Scanner
	url      string
	token    string
}

func run(size int64, runs int, dir string, rssSizes []int64) error {
	if dir == "" {
		d, err := os.MkdirTemp("", "istari-bench-*")
		if err != nil {
			return err
		}
		dir = d
		defer func() { _ = os.RemoveAll(d) }()
	} else if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return err
		}
		defer func() { _ = os.RemoveAll(dir) }() // what the bench created, it removes
	}
	b := &bench{dir: dir, tmp: filepath.Join(dir, "tmp")}
	if err := os.MkdirAll(b.tmp, 0o700); err != nil {
		return err
	}
	defer func() { _ = os.RemoveAll(b.tmp) }()
	if err := b.startFake(); err != nil {
		return err
	}
	defer b.stopFake()
	fmt.Printf("istari-go transfer bench: %s, %d alternating runs, dir %s (%s), %d CPUs, fake in its own process\n\n",
		human(size), runs, dir, fsType(dir), runtime.NumCPU())

	timed, err := b.measure(size, runs)
	if err != nil {
		return err
	}
	report(size, timed)
	for _, s := range rssSizes {
		m, err := b.measure(s, 3)
		if err != nil {
			return err
		}
		fmt.Printf("\npeak RSS at %s (VmHWM, max of 3 runs): ", human(s))
		printRSS(m)
	}
	fmt.Printf("\npeak RSS at %s (VmHWM, max of %d runs): ", human(size), runs)
	printRSS(timed)
	return nil
}

// measurements are the results of each role, run i of each role paired with run i of the others.
type measurements map[string][]result

func (b *bench) measure(size int64, runs int) (measurements, error) {
	src := filepath.Join(b.dir, "content.bin")
	if err := writeRandom(src, size); err != nil {
		return nil, err
	}
	defer func() { _ = os.Remove(src) }()
	tok, err := b.seed(src)
	if err != nil {
		return nil, err
	}
	defer b.fakeCmd("delete " + tok.SHA + " " + tok.Salt)
	env := []string{"ISTARI_BENCH_FILE=" + src, "ISTARI_BENCH_SHA=" + tok.SHA, "ISTARI_BENCH_SALT=" + tok.Salt}
	pairs := [][2]string{{"sdk-upload", "base-upload"}, {"sdk-download", "base-download"}, {"sdk-download-nocache", "base-download"}}
	m := measurements{}
	for r := range runs {
		for _, p := range pairs {
			order := p
			if r%2 == 1 {
				order = [2]string{p[1], p[0]}
			}
			for _, role := range order {
				if role == "base-download" && len(m[role]) > r {
					continue // one baseline download per run serves both download comparisons
				}
				res, err := b.child(role, env)
				if err != nil {
					return nil, err
				}
				m[role] = append(m[role], res)
			}
		}
		res, err := b.child("sdk-hit", env)
		if err != nil {
			return nil, err
		}
		m["sdk-hit"] = append(m["sdk-hit"], res)
	}
	return m, nil
}

// child runs one measured process and cleans up after it.
func (b *bench) child(role string, env []string) (result, error) {
	self, err := os.Executable()
	if err != nil {
		return result{}, err
	}
	out := filepath.Join(b.dir, "out-"+role+".bin")
	cmd := exec.CommandContext(context.Background(), self)
	cmd.Env = append(os.Environ(), env...)
	cmd.Env = append(cmd.Env, "ISTARI_BENCH_ROLE="+role, "ISTARI_BENCH_URL="+b.url, "ISTARI_BENCH_TOKEN="+b.token,
		"ISTARI_BENCH_OUT="+out, "TMPDIR="+b.tmp)
	cmd.Stderr = os.Stderr
	var stdout strings.Builder
	cmd.Stdout = &stdout
	fake0 := b.fakeCPU()
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return result{}, fmt.Errorf("%s: %w", role, err)
	}
	wall := time.Since(start)
	fake1 := b.fakeCPU()
	var res result
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &res); err != nil {
		return result{}, fmt.Errorf("%s: reading its result: %w", role, err)
	}
	res.wall, res.cpu, res.fakeCPU = wall, cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime(), fake1-fake0
	for _, p := range []string{out, out + ".2"} {
		_ = os.Remove(p)
	}
	if res.SHA != "" {
		b.fakeCmd("delete " + res.SHA + " " + res.Salt)
	}
	return res, nil
}

// seed uploads the content once (outside any measurement) and returns its token.
func (b *bench) seed(path string) (types.Token, error) {
	c, err := istari.NewClient(istari.Configuration{RegistryURL: b.url, RegistryAuthToken: istari.Secret(b.token),
		FilesystemCacheEnabled: istari.Bool(false)})
	if err != nil {
		return types.Token{}, err
	}
	defer func() { _ = c.Close() }()
	m, err := c.AddModel(context.Background(), path, nil)
	if err != nil {
		return types.Token{}, err
	}
	return m.Revision().ContentToken(), nil
}

func (b *bench) startFake() error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(context.Background(), self)
	cmd.Env = append(os.Environ(), "ISTARI_BENCH_ROLE=fake", "TMPDIR="+b.tmp)
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	b.fake, b.fakeIn, b.fakeOut = cmd, in, bufio.NewScanner(out)
	if !b.fakeOut.Scan() {
		return errors.New("the fake registry did not start")
	}
	f := strings.Fields(b.fakeOut.Text())
	if len(f) != 2 {
		return fmt.Errorf("the fake registry said %q", b.fakeOut.Text())
	}
	b.url, b.token = f[0], f[1]
	return nil
}

// fakeCmd sends one command to the fake's process and waits for its answer.
func (b *bench) fakeCmd(line string) string {
	if _, err := io.WriteString(b.fakeIn, line+"\n"); err != nil || !b.fakeOut.Scan() {
		return ""
	}
	return b.fakeOut.Text()
}

// fakeCPU is the CPU seconds the fake's process has used so far.
func (b *bench) fakeCPU() float64 {
	v, _ := strconv.ParseFloat(b.fakeCmd("cpu"), 64)
	return v
}

func (b *bench) stopFake() {
	if c, ok := b.fakeIn.(io.Closer); ok {
		_ = c.Close()
	}
	_ = b.fake.Wait()
}

func writeRandom(path string, size int64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := io.CopyN(f, rand.Reader, size); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}

// report prints the timed comparisons.
func report(size int64, m measurements) {
	wall := func(r result) float64 { return r.wall.Seconds() }
	fmt.Printf("%-52s %8s %8s %8s   %s\n", "comparison (wall time, start to exit)", "min", "median", "max", "medians (s): sdk / baseline")
	row := func(name, sdk, base string) {
		ratios := make([]float64, 0, len(m[sdk]))
		for i := range m[sdk] {
			ratios = append(ratios, wall(m[sdk][i])/wall(m[base][i]))
		}
		lo, med, hi := stats(ratios)
		fmt.Printf("%-52s %8.3f %8.3f %8.3f   %.3f / %.3f\n", name, lo, med, hi, median(m[sdk], wall), median(m[base], wall))
	}
	row("upload: AddModel (default config) ÷ baseline", "sdk-upload", "base-upload")
	row("download: CopyTo (default config, cache on) ÷ baseline", "sdk-download", "base-download")
	row("download: CopyTo (cache off) ÷ baseline", "sdk-download-nocache", "base-download")
	hits := make([]float64, 0, len(m["sdk-hit"]))
	for _, r := range m["sdk-hit"] {
		hits = append(hits, float64(r.HitNS)/float64(r.OpNS))
	}
	lo, med, hi := stats(hits)
	fmt.Printf("%-52s %8.4f %8.4f %8.4f   %.4f / %.3f (in-process)\n", "cache hit: second CopyTo ÷ first CopyTo (one process)", lo, med, hi,
		median(m["sdk-hit"], func(r result) float64 { return float64(r.HitNS) / 1e9 }),
		median(m["sdk-hit"], func(r result) float64 { return float64(r.OpNS) / 1e9 }))
	fmt.Printf("\nCPU seconds (median): the process / the fake registry during its run\n")
	for _, role := range []string{"sdk-upload", "base-upload", "sdk-download", "sdk-download-nocache", "base-download", "sdk-hit"} {
		fmt.Printf("  %-22s %6.3f / %6.3f\n", role, median(m[role], func(r result) float64 { return r.cpu.Seconds() }),
			median(m[role], func(r result) float64 { return r.fakeCPU }))
	}
	gib := float64(size) / (1 << 30)
	fmt.Printf("\nsyscalls per GiB (median, /proc/self/io): read/write\n")
	for _, role := range []string{"sdk-upload", "base-upload", "sdk-download", "sdk-download-nocache", "base-download"} {
		fmt.Printf("  %-22s %9.0f / %9.0f\n", role, median(m[role], func(r result) float64 { return float64(r.SysR) / gib }),
			median(m[role], func(r result) float64 { return float64(r.SysW) / gib }))
	}
}

func printRSS(m measurements) {
	peak := func(role string) int64 {
		var p int64
		for _, r := range m[role] {
			p = max(p, r.HWMKiB)
		}
		return p
	}
	fmt.Println()
	for _, p := range [][2]string{{"sdk-upload", "base-upload"}, {"sdk-download", "base-download"}, {"sdk-download-nocache", "base-download"}} {
		s, b := peak(p[0]), peak(p[1])
		fmt.Printf("  %-22s %6.1f MiB   %-14s %6.1f MiB   difference %+5.1f MiB\n", p[0], float64(s)/1024, p[1], float64(b)/1024, float64(s-b)/1024)
	}
	fmt.Printf("  %-22s %6.1f MiB\n", "sdk-hit", float64(peak("sdk-hit"))/1024)
}

func stats(v []float64) (lo, med, hi float64) {
	if len(v) == 0 {
		return 0, 0, 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	return s[0], mid(s), s[len(s)-1]
}

func median(rs []result, f func(result) float64) float64 {
	v := make([]float64, len(rs))
	for i, r := range rs {
		v[i] = f(r)
	}
	slices.Sort(v)
	if len(v) == 0 {
		return 0
	}
	return mid(v)
}

func mid(sorted []float64) float64 {
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

func human(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return strconv.FormatInt(n>>30, 10) + " GiB"
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	}
	return strconv.FormatInt(n, 10) + " B"
}
