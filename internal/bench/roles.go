//go:build linux

package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
)

// child runs one role and prints its result as the last line of stdout.
func child(role string) error {
	if role == "fake" {
		return serveFake()
	}
	env := func(k string) string { return os.Getenv("ISTARI_BENCH_" + k) }
	ctx := context.Background()
	tok := types.Token{SHA: env("SHA"), Salt: env("SALT")}
	var res result
	start := time.Now()
	var err error
	switch role {
	case "sdk-upload", "sdk-download", "sdk-download-nocache", "sdk-hit":
		cfg := istari.Configuration{RegistryURL: env("URL"), RegistryAuthToken: istari.Secret(env("TOKEN"))}
		if role == "sdk-download-nocache" {
			cfg.FilesystemCacheEnabled = istari.Bool(false)
		}
		var c *istari.Client
		if c, err = istari.NewClient(cfg); err != nil {
			return err
		}
		switch role {
		case "sdk-upload":
			var m *types.Model
			if m, err = c.AddModel(ctx, env("FILE"), nil); err == nil {
				res.SHA, res.Salt = m.Revision().ContentToken().SHA, m.Revision().ContentToken().Salt
			}
		case "sdk-hit":
			if err = c.CopyTo(ctx, tok, env("OUT")); err == nil {
				res.OpNS = time.Since(start).Nanoseconds()
				hit := time.Now()
				err = c.CopyTo(ctx, tok, env("OUT")+".2")
				res.HitNS = time.Since(hit).Nanoseconds()
				if st := c.CacheStats(); err == nil && st.Hits != 1 {
					err = fmt.Errorf("cache stats %+v: the second copy was not a hit", st)
				}
			}
		default:
			err = c.CopyTo(ctx, tok, env("OUT"))
		}
		err = errors.Join(err, c.Close())
	case "base-upload":
		res.SHA, res.Salt, err = baseUpload(ctx, env("URL"), env("TOKEN"), env("FILE"))
	case "base-download":
		err = baseDownload(ctx, env("URL"), env("TOKEN"), tok, env("OUT"))
	default:
		err = fmt.Errorf("unknown role %q", role)
	}
	if err != nil {
		return err
	}
	if res.OpNS == 0 {
		res.OpNS = time.Since(start).Nanoseconds()
	}
	res.HWMKiB = procField("/proc/self/status", "VmHWM:")
	res.SysR = procField("/proc/self/io", "syscr:")
	res.SysW = procField("/proc/self/io", "syscw:")
	return json.NewEncoder(os.Stdout).Encode(res)
}

// procField reads one numeric field of a /proc file (kB for VmHWM).
func procField(path, name string) int64 {
	b, err := os.ReadFile(path)
	if err != nil {
		return -1
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, name); ok {
			n, _ := strconv.ParseInt(strings.Fields(v)[0], 10, 64)
			return n
		}
	}
	return -1
}

// serveFake runs the fake registry until stdin closes. It prints "URL TOKEN", then answers each command line:
// "delete SHA SALT" frees an object, "cpu" reports the process's CPU seconds so far.
func serveFake() error {
	srv := istaritest.NewServer()
	defer srv.Close()
	fmt.Println(srv.URL, srv.Token())
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		f := strings.Fields(in.Text())
		switch {
		case len(f) == 3 && f[0] == "delete":
			fmt.Println(srv.DeleteObject(f[1], f[2]))
		case len(f) == 1 && f[0] == "cpu":
			var ru syscall.Rusage
			_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
			fmt.Println(time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds())
		default:
			fmt.Println("?")
		}
	}
	return nil
}

// The baselines below use only net/http, encoding/json and crypto: the requests and bytes the protocol needs
// and nothing else. Paths come from the operation table so that both sides follow the same routes.

const bufSize = 256 << 10 // the SDK's copy buffer, so neither side wins on buffer size alone

// plain hides any WriterTo/ReaderFrom, so copies really use the given buffer.
type plainReader struct{ io.Reader }
type plainWriter struct{ io.Writer }

// registry is a bare JSON client of the fake.
type registry struct {
	url, token string
	hc         *http.Client
}

func (r registry) call(ctx context.Context, id ops.ID, body, out any, params map[string]string) error {
	op, ok := ops.Builtin().Lookup(string(id))
	if !ok {
		return fmt.Errorf("no operation %s", id)
	}
	path := op.Path
	for k, v := range params {
		path = strings.ReplaceAll(path, "{"+k+"}", v)
	}
	if op.Method == http.MethodGet {
		body = nil // a GET route carries its parameters in the path (the sha of /tokens/{sha}/...)
	}
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, op.Method, r.url+path, rd)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+r.token)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := r.hc.Do(req)
	if err != nil {
		return err
	}
	defer func() { _ = resp.Body.Close() }()
	if resp.StatusCode/100 != 2 {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		return fmt.Errorf("%s: %d %s", id, resp.StatusCode, b)
	}
	if out == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

func newSalt() string {
	var b [32]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func uuid() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6], b[8] = (b[6]&0x0f)|0x40, (b[8]&0x3f)|0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

func sum(h hash.Hash, salt string) string {
	h.Write([]byte(salt))
	return hex.EncodeToString(h.Sum(nil))
}

// put uploads n bytes of r to a fresh upload URL of (sha, salt). r is a plain reader: net/http copies it to
// the socket in its own 32 KiB chunks (a plain program has no sendfile here, as the SDK has none).
func (r registry) put(ctx context.Context, sha, salt string, body io.Reader, n int64) error {
	var u types.PresignedURL
	if err := r.call(ctx, ops.GenerateUploadURL, types.UploadURLRequest{SHA: sha, Salt: salt}, &u, map[string]string{"sha": sha}); err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, u.URL, plainReader{body})
	if err != nil {
		return err
	}
	req.ContentLength = n
	req.Header.Set("Content-Type", "application/octet-stream")
	resp, err := r.hc.Do(req)
	if err != nil {
		return err
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("PUT: %d", resp.StatusCode)
	}
	return nil
}

// baseUpload is AddModel's protocol, done plainly: hash, upload URL, PUT, the properties blob the same way,
// create_model with the revision body.
func baseUpload(ctx context.Context, url, token, path string) (string, string, error) {
	reg := registry{url: url, token: token, hc: &http.Client{}}
	f, err := os.Open(path)
	if err != nil {
		return "", "", err
	}
	defer func() { _ = f.Close() }()
	st, err := f.Stat()
	if err != nil {
		return "", "", err
	}
	size := st.Size()
	salt := newSalt()
	h := sha512.New384()
	if _, err := io.CopyBuffer(plainWriter{h}, plainReader{f}, make([]byte, bufSize)); err != nil {
		return "", "", err
	}
	sha := sum(h, salt)
	if err := reg.put(ctx, sha, salt, io.NewSectionReader(f, 0, size), size); err != nil {
		return "", "", err
	}
	name := filepath.Base(path)
	ext := strings.TrimPrefix(filepath.Ext(name), ".")
	mime := "application/octet-stream"
	props, _ := json.Marshal(types.Properties{FileName: name, Extension: ext, Size: &size, MIME: &mime})
	psalt := newSalt()
	ph := sha512.New384()
	ph.Write(props)
	psha := sum(ph, psalt)
	if err := reg.put(ctx, psha, psalt, bytes.NewReader(props), int64(len(props))); err != nil {
		return "", "", err
	}
	now := types.Timestamp{Time: time.Now().UTC()}
	id, initial := uuid(), "Initial"
	rev := types.FileRevision{
		ID: id, Created: now,
		ContentTok:    types.Token{ID: uuid(), Created: now, SHA: sha, Salt: salt},
		PropertiesTok: types.Token{ID: uuid(), Created: now, SHA: psha, Salt: psalt},
		ArchiveStatusHistory: []types.ArchiveStatusEntry{{ID: uuid(), Created: now, Name: enums.ArchiveStatusNameActive,
			Reason: &initial, FileRevisionID: &id}},
		Name: &name, Extension: &ext, Size: &size, MIME: &mime,
	}
	if err := reg.call(ctx, ops.CreateModel, &rev, nil, nil); err != nil {
		return "", "", err
	}
	return sha, salt, nil
}

// baseDownload is CopyTo's protocol, done plainly: download URL, GET into a temp file beside the target while
// hashing, compare, fsync, rename.
func baseDownload(ctx context.Context, url, token string, tok types.Token, target string) error {
	reg := registry{url: url, token: token, hc: &http.Client{}}
	var u types.PresignedURL
	if err := reg.call(ctx, ops.GenerateDownloadURL, types.UploadURLRequest{SHA: tok.SHA, Salt: tok.Salt}, &u, map[string]string{"sha": tok.SHA}); err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.URL, nil)
	if err != nil {
		return err
	}
	resp, err := reg.hc.Do(req)
	if err != nil {
		return err
	}
	defer func() { _ = resp.Body.Close() }()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET: %d", resp.StatusCode)
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return err
	}
	h := sha512.New384()
	_, err = io.CopyBuffer(plainWriter{io.MultiWriter(tmp, h)}, plainReader{resp.Body}, make([]byte, bufSize))
	if err == nil && sum(h, tok.Salt) != tok.SHA {
		err = errors.New("checksum mismatch")
	}
	if err == nil {
		err = tmp.Sync()
	}
	err = errors.Join(err, tmp.Close())
	if err == nil {
		err = os.Rename(tmp.Name(), target)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
	}
	return err
}
