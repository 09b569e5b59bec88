package upload

import (
	"bytes"
	"context"
	"fmt"
	"mime"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/checksum"
	"github.com/istari-sdk/istari-go/internal/storage"
	"github.com/istari-sdk/istari-go/internal/validate"
	"github.com/istari-sdk/istari-go/types"
)

// Revision validates opts, opens the source and uploads it with salt ("" = a new random salt; pass the
// current revision's content_token.salt on updates). The result is the client-built revision body, not yet
// registered.
func (u *Uploader) Revision(ctx context.Context, open Opener, salt string, opts *Options) (*types.FileRevision, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	src, err := open(ctx)
	if err != nil {
		return nil, err
	}
	return u.Upload(ctx, src, salt, opts)
}

// Upload uploads src and its properties blob and returns the client-built revision. src is always released.
func (u *Uploader) Upload(ctx context.Context, src *Source, salt string, opts *Options) (*types.FileRevision, error) {
	defer func() { _ = src.Close() }()
	if opts == nil {
		opts = &Options{}
	}
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	if err := CheckName(src.Name); err != nil {
		return nil, err
	}
	name, ext, mimeType := FileFacts(src.Name)
	propsSalt := salt // an update's salt also salts its properties token, as in Python's update_revision_content
	if salt == "" {
		salt = checksum.NewSalt()
	}
	sha, err := src.Checksum(salt) // path sources are read twice in all: this hash pass and the send
	if err != nil {
		return nil, fmt.Errorf("istari: hashing %s: %w", name, err)
	}
	if err := u.Put(ctx, sha, salt, src.RA, src.Size, storage.NewProgress(opts.Progress, src.Size)); err != nil {
		return nil, err
	}
	props := types.Properties{
		FileName: name, Extension: ext, Size: &src.Size, MIME: &mimeType,
		Description: opts.Description, VersionName: opts.VersionName,
		ExternalIdentifier: opts.ExternalIdentifier, DisplayName: opts.DisplayName,
	}
	ptok, err := u.Properties(ctx, &props, propsSalt)
	if err != nil {
		return nil, fmt.Errorf("%w (content sha %s already uploaded)", err, sha)
	}
	size := src.Size
	return newRevision(sha, salt, ptok, name, ext, mimeType, size, opts.Sources, opts), nil
}

// newRevision builds the client-built revision body: fresh ids, now as creation time, an "Initial" active
// archive status, file_id null.
func newRevision(sha, salt string, ptok types.Token, name, ext, mimeType string, size int64, srcs []types.NewSource, meta *Options) *types.FileRevision {
	now := types.Timestamp{Time: time.Now().UTC()}
	id := storage.NewUUID()
	sources := make([]types.Source, 0, len(srcs))
	for _, s := range srcs {
		sources = append(sources, s.ToSource())
	}
	initial := "Initial"
	return &types.FileRevision{
		ID:            id,
		Created:       now,
		FileID:        nil,
		ContentTok:    types.Token{ID: storage.NewUUID(), Created: now, SHA: sha, Salt: salt},
		PropertiesTok: ptok,
		ArchiveStatusHistory: []types.ArchiveStatusEntry{{
			ID: storage.NewUUID(), Created: now, Name: enums.ArchiveStatusNameActive, Reason: &initial, FileRevisionID: &id,
		}},
		Name: &name, Extension: &ext, Size: &size, MIME: &mimeType,
		Description: meta.Description, VersionName: meta.VersionName,
		ExternalIdentifier: meta.ExternalIdentifier, DisplayName: meta.DisplayName,
		Sources: sources,
	}
}

// FileFacts derives the revision's name, extension (lower case, no dot) and MIME type from a file name.
func FileFacts(name string) (base, ext, mimeType string) {
	base = filepath.Base(name)
	dotExt := filepath.Ext(base)
	ext = strings.ToLower(strings.TrimPrefix(dotExt, "."))
	mimeType = "application/octet-stream"
	if dotExt != "" {
		if t := systemMIMETypes()[strings.ToLower(dotExt)]; t != "" {
			mimeType = t
		} else if t := mime.TypeByExtension(strings.ToLower(dotExt)); t != "" {
			// Python's mimetypes.guess_type never adds parameters; Go's table says "text/plain; charset=utf-8".
			mimeType, _, _ = strings.Cut(t, ";")
		}
	}
	return base, ext, mimeType
}

// mimeTypesFiles are the files Python's mimetypes module reads (mimetypes.knownfiles), in its order: a later
// file overrides an earlier one, and all override the built-in table. Go's mime package prefers the
// freedesktop database when present and so disagrees with Python for extensions such as .step (model/step).
var mimeTypesFiles = []string{
	"/etc/mime.types", "/etc/httpd/mime.types", "/etc/httpd/conf/mime.types", "/etc/apache/mime.types",
	"/etc/apache2/mime.types", "/usr/local/etc/httpd/conf/mime.types", "/usr/local/lib/netscape/mime.types",
	"/usr/local/etc/httpd/conf/mime.types", "/usr/local/etc/mime.types",
}

// systemMIMETypes maps ".ext" to the type the mime.types files above give it (read once; missing files skipped).
var systemMIMETypes = sync.OnceValue(func() map[string]string { return parseMIMETypes(mimeTypesFiles) })

// parseMIMETypes reads mime.types files ("type ext ext ..." lines, # comments) into ".ext" -> type, a later
// file overriding an earlier one; unreadable files are skipped.
func parseMIMETypes(files []string) map[string]string {
	byExt := map[string]string{}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		for line := range strings.Lines(string(data)) {
			line, _, _ = strings.Cut(line, "#")
			fields := strings.Fields(line)
			for _, ext := range fields[min(1, len(fields)):] {
				byExt["."+strings.ToLower(ext)] = fields[0]
			}
		}
	}
	return byExt
}

// nameFacts are the stored columns of a file name, checked with the 255-character column rule.
type nameFacts struct {
	Name      string `json:"name" validate:"column"`
	Extension string `json:"extension" validate:"column"`
}

// CheckName rejects a file name or extension longer than the registry's 255-character columns.
func CheckName(fileName string) error {
	name, ext, _ := FileFacts(fileName)
	if v := validate.First(&nameFacts{Name: name, Extension: ext}); v != nil {
		return v
	}
	return nil
}

// Properties serializes props as the Python client does (PropertiesBlob), uploads it under salt ("" = its own
// new salt, as on every add; an update passes the file's current salt like Python) and returns its token.
func (u *Uploader) Properties(ctx context.Context, props *types.Properties, salt string) (types.Token, error) {
	blob, err := PropertiesBlob(props)
	if err != nil {
		return types.Token{}, fmt.Errorf("istari: encoding properties: %w", err)
	}
	if salt == "" {
		salt = checksum.NewSalt()
	}
	r := bytes.NewReader(blob)
	sha, err := checksum.ReaderAt(r, int64(len(blob)), salt)
	if err != nil {
		return types.Token{}, err
	}
	if err := u.Put(ctx, sha, salt, r, int64(len(blob)), nil); err != nil {
		return types.Token{}, err
	}
	return types.Token{ID: storage.NewUUID(), Created: types.Timestamp{Time: time.Now().UTC()}, SHA: sha, Salt: salt}, nil
}

// Register is the registry call that follows an upload.
type Register[T any] func(context.Context, *types.FileRevision) (*T, error)

// Add is the shape of every add_* composite: validate, upload with a new salt, register (orphan-aware).
func Add[T any](ctx context.Context, u *Uploader, open Opener, opts *Options, op string, register Register[T]) (*T, error) {
	rev, err := u.Revision(ctx, open, "", opts)
	if err != nil {
		return nil, err
	}
	out, err := register(ctx, rev)
	if err != nil {
		return nil, u.Orphaned(ctx, op, rev, err)
	}
	return out, nil
}

// Update is the shape of every update_* composite: validate, open the content (a missing file or an over-long
// name fails before any request), read the object's current content salt, upload with it, register the new
// revision.
func Update[T any](ctx context.Context, u *Uploader, open Opener, opts *Options, op string,
	current func(context.Context) (*types.FileRevision, error), register Register[T]) (*T, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	src, err := open(ctx)
	if err != nil {
		return nil, err
	}
	if err := CheckName(src.Name); err != nil {
		_ = src.Close()
		return nil, err
	}
	cur, err := current(ctx)
	if err != nil {
		_ = src.Close()
		return nil, err
	}
	salt := cur.ContentToken().Salt // "" (new salt) when the object has no revision
	rev, err := u.Upload(ctx, src, salt, opts)
	if err != nil {
		return nil, err
	}
	out, err := register(ctx, rev)
	if err != nil {
		return nil, u.Orphaned(ctx, op, rev, err)
	}
	return out, nil
}

// Orphaned wraps the failure of the registry call that follows an upload: the blobs stay in storage
// (orphans), so their sha is logged at WARN and named in the error, which still wraps err.
func (u *Uploader) Orphaned(ctx context.Context, op string, rev *types.FileRevision, err error) error {
	if err == nil {
		return nil
	}
	u.Logger.WarnContext(ctx, "istari: registry call failed after upload; the uploaded objects stay in storage",
		"op", op, "sha", rev.ContentTok.SHA, "properties_sha", rev.PropertiesTok.SHA)
	return fmt.Errorf("%w (after uploading content sha %s, which stays in storage)", err, rev.ContentTok.SHA)
}
