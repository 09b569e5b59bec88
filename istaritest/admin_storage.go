package istaritest

import (
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"hash"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// storagePrefix is where the fake serves its presigned object-store URLs (not a registry route).
const storagePrefix = "/_storage/"

// urlLifetime is how long a presigned URL of the fake stays valid.
const urlLifetime = 15 * time.Minute

// storageStore holds stored objects by "sha/salt" key, on disk in a temp dir (benchmarks upload GiBs), with
// the presigned URLs and multipart uploads. It has its own lock so that large transfers never hold
// Server.mu; when both are needed, Server.mu is taken first.
type storageStore struct {
	mu      sync.Mutex
	dir     string
	objects map[string]string // "sha/salt" -> file path
	// unsalted holds objects uploaded through a URL asked for by sha alone (GET /api/v2/tokens/{sha}/upload-url,
	// as the registry and the Python client do): their salt becomes known, and is checked, when a revision
	// names them.
	unsalted map[string]string // sha -> file path
	// prefixes holds, for unsalted objects, the SHA-384 state after their content: checking a salt then clones
	// it and adds the salt instead of reading the object again.
	prefixes map[string]hash.Hash
	grants   map[string]*grant // presigned URL id -> what it allows
	uploads  map[string]*multipartRec
	seq      int64

	corrupt int // next downloads served with flipped bytes
	dropMid int // next downloads cut after half the body
}

// grant is what one presigned URL allows: a PUT of an object, a PUT of a part, or a GET.
type grant struct {
	kind     string // "put", "part", "get"
	sha      string
	salt     string
	uploadID string
	part     int
	expires  time.Time
	used     bool // a successful PUT consumes its URL
	bySHA    bool // asked for by sha alone: the salt is unknown to the storage
}

// multipartRec is one multipart upload, as create_multipart_upload knows it: the token sha and the number of
// parts, but neither the salt, the size nor the part size. Each part lands in its own file as it arrives; the
// parts in front of the assembled prefix are appended to the object and hashed (SHA-384 of the content, no
// salt) while later parts are still arriving, so completing neither copies nor re-reads the object.
type multipartRec struct {
	id, sha  string
	numParts int
	ownerID  string
	obj      string // the object being assembled

	mu     sync.Mutex      // guards parts, h, hashed, size, busy and gen
	parts  map[int]partRec // parts uploaded in full
	h      hash.Hash       // SHA-384 of parts 1..hashed (and of part busy, while it is being appended)
	hashed int
	size   int64 // bytes of parts 1..hashed in obj
	busy   int   // the part being appended, 0 when none
	gen    int   // bumped when the assembly restarts

	hashing sync.Mutex // one assembler at a time
}

type partRec struct {
	etag string
	size int64
	path string
}

// partPath is where part n is stored until completion.
func (up *multipartRec) partPath(n int) string { return up.obj + ".part" + strconv.Itoa(n) }

// forget drops part n before it is written again; when part n is assembled or being assembled, the assembly
// restarts from part 1.
func (up *multipartRec) forget(n int) {
	up.mu.Lock()
	defer up.mu.Unlock()
	delete(up.parts, n)
	if n <= up.hashed || n == up.busy {
		up.h, up.hashed, up.size, up.gen = sha512.New384(), 0, 0, up.gen+1
	}
}

// advance appends and hashes the uploaded parts that follow the assembled prefix, reading each from the page
// cache right after it arrived (the lock is not held while a part is copied).
func (up *multipartRec) advance() error {
	up.hashing.Lock()
	defer up.hashing.Unlock()
	f, err := os.OpenFile(up.obj, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	defer func() { _ = f.Close() }()
	buf := make([]byte, 256<<10)
	for {
		up.mu.Lock()
		n := up.hashed + 1
		rec, ok := up.parts[n]
		h, gen, off := up.h, up.gen, up.size
		if ok {
			up.busy = n
		}
		up.mu.Unlock()
		if !ok {
			return nil
		}
		err := appendPart(io.MultiWriter(io.NewOffsetWriter(f, off), h), rec.path, buf)
		up.mu.Lock()
		up.busy = 0
		switch {
		case err != nil:
			up.h, up.hashed, up.size, up.gen = sha512.New384(), 0, 0, up.gen+1
		case up.gen == gen:
			up.hashed, up.size = n, off+rec.size
		}
		up.mu.Unlock()
		if err != nil {
			return err
		}
	}
}

func appendPart(dst io.Writer, path string, buf []byte) error {
	pf, err := os.Open(path)
	if err != nil {
		return err
	}
	defer func() { _ = pf.Close() }()
	_, err = io.CopyBuffer(dst, pf, buf)
	return err
}

// discard removes the upload's files.
func (up *multipartRec) discard() {
	for n := 1; n <= up.numParts; n++ {
		_ = os.Remove(up.partPath(n))
	}
	_ = os.Remove(up.obj)
}

func newStorageStore() *storageStore {
	dir, err := os.MkdirTemp("", "istaritest-storage-*")
	if err != nil {
		panic("istaritest: creating the storage dir: " + err.Error())
	}
	return &storageStore{dir: dir, objects: map[string]string{}, unsalted: map[string]string{}, prefixes: map[string]hash.Hash{}, grants: map[string]*grant{}, uploads: map[string]*multipartRec{}}
}

// close removes every stored object.
func (st *storageStore) close() {
	st.mu.Lock()
	defer st.mu.Unlock()
	_ = os.RemoveAll(st.dir)
}

func (st *storageStore) newPath(prefix string) string {
	st.seq++
	return filepath.Join(st.dir, prefix+"-"+strconv.FormatInt(st.seq, 10)+"-"+randomHex(4))
}

// putObject stores content under its token (used directly by simulated agents).
func (st *storageStore) putObject(sha, salt string, content []byte) {
	st.mu.Lock()
	defer st.mu.Unlock()
	p := st.newPath("obj")
	if err := os.WriteFile(p, content, 0o600); err != nil {
		panic("istaritest: storing an object: " + err.Error())
	}
	st.objects[sha+"/"+salt] = p
}

// object returns stored content (read whole: meant for small objects).
func (st *storageStore) object(sha, salt string) ([]byte, bool) {
	p, ok := st.objectPath(sha, salt)
	if !ok {
		return nil, false
	}
	b, err := os.ReadFile(p)
	return b, err == nil
}

func (st *storageStore) objectPath(sha, salt string) (string, bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if p, ok := st.objects[sha+"/"+salt]; ok {
		return p, true
	}
	p, ok := st.unsalted[sha]
	if !ok || !st.saltedSHAIsLocked(p, salt, sha) {
		return "", false
	}
	delete(st.unsalted, sha)
	delete(st.prefixes, sha)
	st.objects[sha+"/"+salt] = p
	return p, true
}

// saltedSHAIsLocked reports whether SHA-384(content || salt) of the unsalted object sha at path is sha, from
// the kept hash state when there is one. st.mu must be held.
func (st *storageStore) saltedSHAIsLocked(path, salt, sha string) bool {
	h, ok := st.prefixes[sha]
	if !ok {
		return saltedSHAIs(path, salt, sha)
	}
	c, err := h.(hash.Cloner).Clone()
	if err != nil {
		return saltedSHAIs(path, salt, sha)
	}
	hc := c.(hash.Hash)
	hc.Write([]byte(salt))
	return hex.EncodeToString(hc.Sum(nil)) == sha
}

// putUnsaltedLocked stores the object at path under sha alone, with the hash state h of its content (nil when
// unknown). st.mu must be held.
func (st *storageStore) putUnsaltedLocked(sha, path string, h hash.Hash) {
	if old, ok := st.unsalted[sha]; ok && old != path {
		_ = os.Remove(old)
	}
	st.unsalted[sha] = path
	delete(st.prefixes, sha)
	if h != nil {
		st.prefixes[sha] = h
	}
}

// pathOfSHALocked finds an object by sha alone, whatever its salt. st.mu must be held.
func (st *storageStore) pathOfSHALocked(sha string) (string, bool) {
	if p, ok := st.unsalted[sha]; ok {
		return p, true
	}
	for key, p := range st.objects {
		if k, _, _ := strings.Cut(key, "/"); k == sha {
			return p, true
		}
	}
	return "", false
}

// saltedSHAIs reports whether SHA-384(file content || salt) is sha.
func saltedSHAIs(path, salt, sha string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer func() { _ = f.Close() }()
	h := sha512.New384()
	if _, err := io.Copy(h, f); err != nil {
		return false
	}
	h.Write([]byte(salt))
	return hex.EncodeToString(h.Sum(nil)) == sha
}

func (st *storageStore) has(sha, salt string) bool {
	_, ok := st.objectPath(sha, salt)
	return ok
}

// presign returns a new URL for g.
func (s *Server) presign(g grant) string {
	g.expires = time.Now().Add(urlLifetime)
	id := randomHex(16)
	s.store.mu.Lock()
	s.store.grants[id] = &g
	s.store.mu.Unlock()
	u := s.URL + storagePrefix + id + "?X-Fake-Signature=" + randomHex(16) + "&X-Fake-Expires=" + strconv.FormatInt(g.expires.Unix(), 10)
	if g.kind == "part" {
		u += "&partNumber=" + strconv.Itoa(g.part)
	}
	return u
}

// ObjectCount is the number of objects in the fake's storage.
func (s *Server) ObjectCount() int {
	s.store.mu.Lock()
	defer s.store.mu.Unlock()
	return len(s.store.objects) + len(s.store.unsalted)
}

// DeleteObject removes a stored object, as an object store's delete would (long benchmark runs free their
// uploads with it). It reports whether the object existed.
func (s *Server) DeleteObject(sha, salt string) bool {
	s.store.mu.Lock()
	defer s.store.mu.Unlock()
	p, ok := s.store.objects[sha+"/"+salt]
	if ok {
		delete(s.store.objects, sha+"/"+salt)
		_ = os.Remove(p)
	}
	if p, found := s.store.unsalted[sha]; found {
		delete(s.store.unsalted, sha)
		delete(s.store.prefixes, sha)
		_ = os.Remove(p)
		ok = true
	}
	return ok
}

// CorruptDownloads makes the next n storage downloads serve their object with one byte flipped.
func (s *Server) CorruptDownloads(n int) {
	s.store.mu.Lock()
	defer s.store.mu.Unlock()
	s.store.corrupt += n
}

// DropDownloadMidBody makes the next n storage downloads send half the body and then close the connection.
func (s *Server) DropDownloadMidBody(n int) {
	s.store.mu.Lock()
	defer s.store.mu.Unlock()
	s.store.dropMid += n
}

// serveStorage serves presigned URLs: PUT of an object or a part, GET of an object.
func (s *Server) serveStorage(w http.ResponseWriter, r *http.Request) {
	op := "storage.get"
	if r.Method == http.MethodPut {
		op = "storage.put"
	}
	s.record(Request{Op: op, Method: r.Method, Path: r.URL.EscapedPath(), RawQuery: r.URL.RawQuery, Header: r.Header.Clone(), Size: max(r.ContentLength, 0)})
	if r.Header.Get("Authorization") != "" {
		storageFail(w, http.StatusForbidden, "presigned URLs must not carry an Authorization header")
		return
	}
	if s.applyFault(w, r, op) {
		return
	}
	id := strings.TrimPrefix(r.URL.Path, storagePrefix)
	s.store.mu.Lock()
	g := s.store.grants[id]
	var gc grant
	if g != nil {
		gc = *g
	}
	s.store.mu.Unlock()
	switch {
	case g == nil || time.Now().After(gc.expires):
		storageFail(w, http.StatusForbidden, "unknown or expired presigned URL")
		return
	case gc.used:
		storageFail(w, http.StatusForbidden, "presigned URL already used")
		return
	case (r.Method == http.MethodGet) != (gc.kind == "get"), r.Method != http.MethodGet && r.Method != http.MethodPut:
		storageFail(w, http.StatusForbidden, "method does not match the presigned URL")
		return
	}
	if r.Method == http.MethodGet {
		s.serveDownload(w, r, gc)
		return
	}
	s.serveUpload(w, r, id, gc)
}

func storageFail(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "text/plain")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, msg)
}

func (s *Server) serveUpload(w http.ResponseWriter, r *http.Request, id string, g grant) {
	if g.kind == "part" {
		s.servePart(w, r, g)
		return
	}
	st := s.store
	st.mu.Lock()
	tmpPath := st.newPath("upload")
	st.mu.Unlock()
	f, err := os.OpenFile(tmpPath, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
	if err != nil {
		storageFail(w, http.StatusInternalServerError, err.Error())
		return
	}
	h := sha512.New384() // whole objects are verified against their token
	n, err := io.CopyBuffer(io.MultiWriter(f, h), r.Body, make([]byte, 256<<10))
	cerr := f.Close()
	if err != nil || cerr != nil {
		_ = os.Remove(tmpPath)
		return // the client went away
	}
	if r.ContentLength >= 0 && n != r.ContentLength {
		_ = os.Remove(tmpPath)
		storageFail(w, http.StatusBadRequest, "body shorter than Content-Length")
		return
	}
	if g.bySHA {
		st.mu.Lock()
		st.putUnsaltedLocked(g.sha, tmpPath, h)
		if gg := st.grants[id]; gg != nil {
			gg.used = true
		}
		st.mu.Unlock()
		w.WriteHeader(http.StatusOK)
		return
	}
	h.Write([]byte(g.salt))
	if got := hex.EncodeToString(h.Sum(nil)); got != g.sha {
		_ = os.Remove(tmpPath)
		storageFail(w, http.StatusBadRequest, "checksum mismatch: SHA-384(content||salt) is "+got)
		return
	}
	st.mu.Lock()
	key := g.sha + "/" + g.salt
	if old, ok := st.objects[key]; ok {
		_ = os.Remove(old)
	}
	st.objects[key] = tmpPath
	if gg := st.grants[id]; gg != nil {
		gg.used = true
	}
	st.mu.Unlock()
	w.WriteHeader(http.StatusOK)
}

// servePart stores one part of a multipart upload in its own file and answers its ETag (the part's SHA-256,
// cut to 32 hex digits, quoted as S3 does).
func (s *Server) servePart(w http.ResponseWriter, r *http.Request, g grant) {
	s.store.mu.Lock()
	up := s.store.uploads[g.uploadID]
	s.store.mu.Unlock()
	if up == nil {
		storageFail(w, http.StatusNotFound, "no such multipart upload")
		return
	}
	up.forget(g.part)
	path := up.partPath(g.part)
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		storageFail(w, http.StatusNotFound, "no such multipart upload")
		return
	}
	h := sha256.New()
	n, err := io.CopyBuffer(io.MultiWriter(f, h), r.Body, make([]byte, 256<<10))
	cerr := f.Close()
	switch {
	case err != nil || cerr != nil:
		return // the client went away
	case r.ContentLength >= 0 && n != r.ContentLength:
		storageFail(w, http.StatusBadRequest, "body shorter than Content-Length")
		return
	}
	etag := `"` + hex.EncodeToString(h.Sum(nil))[:32] + `"`
	up.mu.Lock()
	up.parts[g.part] = partRec{etag: etag, size: n, path: path}
	next := g.part == up.hashed+1
	up.mu.Unlock()
	if next {
		go func() { _ = up.advance() }()
	}
	w.Header().Set("ETag", etag)
	w.WriteHeader(http.StatusOK)
}

func (s *Server) serveDownload(w http.ResponseWriter, r *http.Request, g grant) {
	st := s.store
	st.mu.Lock()
	p, ok := st.objects[g.sha+"/"+g.salt]
	if g.bySHA {
		p, ok = st.pathOfSHALocked(g.sha)
	}
	corrupt, drop := st.corrupt > 0, st.dropMid > 0
	if ok && corrupt {
		st.corrupt--
	} else if ok && drop {
		st.dropMid--
	}
	st.mu.Unlock()
	if !ok {
		storageFail(w, http.StatusNotFound, "no such object")
		return
	}
	f, err := os.Open(p)
	if err != nil {
		storageFail(w, http.StatusNotFound, "no such object")
		return
	}
	defer func() { _ = f.Close() }()
	fi, err := f.Stat()
	if err != nil {
		storageFail(w, http.StatusInternalServerError, err.Error())
		return
	}
	size := fi.Size()
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Length", strconv.FormatInt(size, 10))
	w.WriteHeader(http.StatusOK)
	var src io.Reader = f
	switch {
	case corrupt:
		src = &flipReader{r: f}
	case drop:
		_, _ = io.CopyN(w, f, size/2)
		if fl, ok := w.(http.Flusher); ok {
			fl.Flush()
		}
		panic(http.ErrAbortHandler) // closes the connection mid-body
	}
	_, _ = io.CopyBuffer(w, src, make([]byte, 256<<10))
}

// flipReader inverts the first byte it serves.
type flipReader struct {
	r    io.Reader
	done bool
}

func (f *flipReader) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if n > 0 && !f.done {
		p[0] ^= 0xff
		f.done = true
	}
	return n, err
}

func init() {
	register(map[ops.ID]handlerFunc{
		ops.GenerateUploadURL:       handleGenerateUploadURL,
		ops.GenerateDownloadURL:     handleGenerateDownloadURL,
		ops.GenerateUploadURLsBulk:  handleGenerateUploadURLsBulk,
		ops.CreateMultipartUpload:   handleCreateMultipart,
		ops.FinalizeMultipartUpload: handleFinalizeMultipart,
	})
}

func validToken(w http.ResponseWriter, b types.UploadURLRequest, loc ...string) bool {
	if len(b.SHA) != 96 || strings.Trim(b.SHA, "0123456789abcdef") != "" {
		writeValidation(w, append(loc, "sha"), "sha must be 96 lowercase hex characters", "value_error")
		return false
	}
	return true
}

func handleGenerateUploadURL(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	sha := c.param("sha")
	if !validToken(w, types.UploadURLRequest{SHA: sha}, "path") {
		return
	}
	writeJSON(w, http.StatusOK, types.PresignedURL{URL: s.presign(grant{kind: "put", sha: sha, bySHA: true})})
}

func handleGenerateDownloadURL(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	sha := c.param("sha")
	if !validToken(w, types.UploadURLRequest{SHA: sha}, "path") {
		return
	}
	s.store.mu.Lock()
	_, ok := s.store.pathOfSHALocked(sha)
	s.store.mu.Unlock()
	if !ok {
		writeDetail(w, http.StatusNotFound, "Object not found")
		return
	}
	writeJSON(w, http.StatusOK, types.PresignedURL{URL: s.presign(grant{kind: "get", sha: sha, bySHA: true})})
}

// handleGenerateUploadURLsBulk answers one upload URL per sha of the body, a JSON list of shas.
func handleGenerateUploadURLsBulk(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	var b []string
	if !c.decode(w, &b) {
		return
	}
	if len(b) == 0 || len(b) > 10 {
		writeValidation(w, []string{"body"}, "List should have at least 1 item and at most 10 items", "too_long")
		return
	}
	out := make([]types.PresignedURL, len(b))
	for i, sha := range b {
		if !validToken(w, types.UploadURLRequest{SHA: sha}, "body", strconv.Itoa(i)) {
			return
		}
		out[i] = types.PresignedURL{URL: s.presign(grant{kind: "put", sha: sha, bySHA: true})}
	}
	writeJSON(w, http.StatusOK, out)
}

// maxParts is the most parts one multipart upload may have (S3's limit, which the Python client cites).
const maxParts = 10000

// handleCreateMultipart starts a multipart upload and answers a presigned PUT URL for every part, keyed by the
// part number as a string. Content already stored under the sha is refused with "Sha already exists", which
// the Python client (and the SDK) take as the upload being done.
func handleCreateMultipart(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	var b types.NewMultipartUpload
	if !c.decode(w, &b) || !validToken(w, types.UploadURLRequest{SHA: b.SHA}, "body") {
		return
	}
	if b.NumParts < 1 || b.NumParts > maxParts {
		writeValidation(w, []string{"body", "num_parts"}, "num_parts must be 1.."+strconv.Itoa(maxParts), "value_error")
		return
	}
	s.store.mu.Lock()
	_, exists := s.store.pathOfSHALocked(b.SHA)
	s.store.mu.Unlock()
	if exists {
		writeDetail(w, http.StatusConflict, "Sha already exists")
		return
	}
	up := &multipartRec{id: newID(), sha: b.SHA, numParts: b.NumParts, ownerID: c.user.ID,
		parts: map[int]partRec{}, h: sha512.New384()}
	s.store.mu.Lock()
	up.obj = s.store.newPath("multipart")
	s.store.uploads[up.id] = up
	s.store.mu.Unlock()
	if err := os.WriteFile(up.obj, nil, 0o600); err != nil {
		writeDetail(w, http.StatusInternalServerError, err.Error())
		return
	}
	out := types.MultipartUpload{UploadID: up.id, UploadURLs: make(map[string]types.TemporaryURL, b.NumParts)}
	expires := time.Now().Add(urlLifetime).UTC().Format(time.RFC3339)
	for n := 1; n <= b.NumParts; n++ {
		out.UploadURLs[strconv.Itoa(n)] = types.TemporaryURL{URL: s.presign(grant{kind: "part", uploadID: up.id, part: n}), Expires: &expires}
	}
	writeJSON(w, http.StatusOK, out)
}

// handleFinalizeMultipart completes (action "complete") or cancels (action "cancel") the caller's multipart
// upload. Completing checks every part's number and ETag, finishes the assembly and stores the object under
// its sha alone: the salt is checked, from the kept hash state, when a revision names the object.
func handleFinalizeMultipart(s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	var b types.FinalizeMultipartUpload
	if !c.decode(w, &b) || !validToken(w, types.UploadURLRequest{SHA: b.SHA}, "body") {
		return
	}
	if b.Action != types.MultipartComplete && b.Action != types.MultipartCancel {
		writeValidation(w, []string{"body", "action"}, "Input should be 'cancel' or 'complete'", "enum")
		return
	}
	s.store.mu.Lock()
	up := s.store.uploads[b.UploadID]
	s.store.mu.Unlock()
	if up == nil || up.ownerID != c.user.ID || up.sha != b.SHA {
		writeDetail(w, http.StatusNotFound, "Multipart upload not found")
		return
	}
	if b.Action == types.MultipartCancel {
		s.store.mu.Lock()
		delete(s.store.uploads, up.id)
		s.store.mu.Unlock()
		up.discard()
		writeJSON(w, http.StatusOK, map[string]any{})
		return
	}
	parts := slices.Clone(b.CompletedParts)
	sort.Slice(parts, func(i, j int) bool { return parts[i].PartNumber < parts[j].PartNumber })
	// Catch the assembly up with the parts that arrived last; nothing is copied or read twice.
	if err := up.advance(); err != nil {
		writeDetail(w, http.StatusInternalServerError, err.Error())
		return
	}
	up.mu.Lock()
	var bad string
	if len(parts) != up.numParts {
		bad = strconv.Itoa(len(parts)) + " completed parts for an upload of " + strconv.Itoa(up.numParts)
	}
	for i, p := range parts {
		if bad != "" {
			break
		}
		rec, ok := up.parts[p.PartNumber]
		switch {
		case p.PartNumber != i+1:
			bad = "parts must be numbered 1..n without gaps"
		case !ok:
			bad = "part " + strconv.Itoa(p.PartNumber) + " was not uploaded"
		case strings.Trim(rec.etag, `"`) != p.ETag:
			bad = "ETag mismatch for part " + strconv.Itoa(p.PartNumber)
		}
	}
	if bad == "" && up.hashed != up.numParts {
		bad = "the assembled object is incomplete"
	}
	h, size := up.h, up.size
	up.mu.Unlock()
	if bad != "" {
		writeDetail(w, http.StatusBadRequest, bad)
		return
	}
	if err := os.Truncate(up.obj, size); err != nil {
		writeDetail(w, http.StatusInternalServerError, err.Error())
		return
	}
	s.store.mu.Lock()
	delete(s.store.uploads, up.id)
	s.store.putUnsaltedLocked(up.sha, up.obj, h)
	s.store.mu.Unlock()
	for n := 1; n <= up.numParts; n++ {
		_ = os.Remove(up.partPath(n))
	}
	writeJSON(w, http.StatusOK, map[string]any{})
}

// MultipartUploadsInProgress is the number of multipart uploads neither completed nor aborted.
func (s *Server) MultipartUploadsInProgress() int {
	s.store.mu.Lock()
	defer s.store.mu.Unlock()
	return len(s.store.uploads)
}
