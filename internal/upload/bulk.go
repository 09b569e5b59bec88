package upload

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/istari-sdk/istari-go/internal/checksum"
	"github.com/istari-sdk/istari-go/internal/storage"
	"github.com/istari-sdk/istari-go/internal/telemetry"
	"github.com/istari-sdk/istari-go/internal/validate"
	"github.com/istari-sdk/istari-go/types"
)

// Bulk uploads up to MaxBulk items with presigned URLs issued in bulk and returns their client-built
// revisions, in order. More than MaxBulk items, or an item above the multipart threshold, fails before any
// upload.
func (u *Uploader) Bulk(ctx context.Context, items []types.UploadItem) ([]types.FileRevision, error) {
	if err := u.checkBulk(items); err != nil {
		return nil, err
	}
	type prepared struct {
		name, ext  string
		mime, salt string
		sha        string
	}
	preps := make([]prepared, len(items))
	reqs := make([]types.UploadURLRequest, len(items))
	for i, it := range items {
		name, ext, mimeType := FileFacts(it.Name)
		salt := checksum.NewSalt()
		sha, err := hashOpen(it.Open, salt)
		if err != nil {
			return nil, fmt.Errorf("istari: hashing items[%d]: %w", i, err)
		}
		preps[i] = prepared{name: name, ext: ext, mime: mimeType, salt: salt, sha: sha}
		reqs[i] = types.UploadURLRequest{SHA: sha, Salt: salt}
	}
	urls, err := u.Registry.UploadURLs(ctx, reqs)
	if err != nil {
		return nil, err
	}
	for i, it := range items {
		tctx, span := u.Telemetry.StartTransfer(ctx, telemetry.Upload, 0, it.Size)
		_, err := u.Transfers.PutFunc(tctx, urls[i], it.Open, it.Size)
		span.EndTransfer(it.Size, err)
		if err != nil {
			return nil, fmt.Errorf("istari: uploading items[%d]: %w", i, u.storageErr(err))
		}
	}
	// Properties blobs, also issued in bulk.
	blobs := make([][]byte, len(items))
	for i, p := range preps {
		it := items[i]
		props := types.Properties{FileName: p.name, Extension: p.ext, Size: &it.Size, MIME: &p.mime,
			Description: it.Meta.Description, VersionName: it.Meta.VersionName,
			ExternalIdentifier: it.Meta.ExternalIdentifier, DisplayName: it.Meta.DisplayName}
		if blobs[i], err = json.Marshal(&props); err != nil {
			return nil, err
		}
		salt := checksum.NewSalt()
		sha, _ := checksum.ReaderAt(bytes.NewReader(blobs[i]), int64(len(blobs[i])), salt)
		reqs[i] = types.UploadURLRequest{SHA: sha, Salt: salt}
	}
	purls, err := u.Registry.UploadURLs(ctx, reqs)
	if err != nil {
		return nil, err
	}
	revs := make([]types.FileRevision, len(items))
	for i, p := range preps {
		b := blobs[i]
		tctx, span := u.Telemetry.StartTransfer(ctx, telemetry.Upload, 0, int64(len(b)))
		_, err := u.Transfers.Put(tctx, purls[i], bytes.NewReader(b), 0, int64(len(b)), nil)
		span.EndTransfer(int64(len(b)), err)
		if err != nil {
			return nil, fmt.Errorf("istari: uploading properties of items[%d]: %w", i, u.storageErr(err))
		}
		it := items[i]
		ptok := types.Token{ID: storage.NewUUID(), SHA: reqs[i].SHA, Salt: reqs[i].Salt}
		rev := newRevision(p.sha, p.salt, ptok, p.name, p.ext, p.mime, it.Size, it.Sources, metaOf(it.Meta))
		rev.PropertiesTok.Created = rev.Created // one timestamp for the whole client-built body
		revs[i] = *rev
	}
	return revs, nil
}

func (u *Uploader) checkBulk(items []types.UploadItem) error {
	if len(items) > MaxBulk {
		return &validate.Violation{Field: "items", Rule: "max", Param: strconv.Itoa(MaxBulk), Length: len(items), Msg: "Passed list of revisions to bulk artifact endpoint with size >10"}
	}
	if len(items) == 0 {
		return &validate.Violation{Field: "items", Rule: "min", Param: "1", Length: 0}
	}
	for i, it := range items {
		field := fmt.Sprintf("items[%d]", i)
		switch {
		case it.Name == "":
			return &validate.Violation{Field: field + ".name", Rule: "required", Length: -1}
		case it.Open == nil:
			return &validate.Violation{Field: field + ".open", Rule: "required", Length: -1}
		case it.Size < 0 || it.Size > u.Threshold:
			return &validate.Violation{Field: field + ".size", Rule: "lte", Param: strconv.FormatInt(u.Threshold, 10), Length: -1,
				Msg: "bulk uploads only take files up to the multipart threshold"}
		}
		if v := validate.First(metaOf(it.Meta)); v != nil {
			return validate.Prefix(field, v)
		}
	}
	return nil
}

// hashOpen computes the checksum of an UploadItem's content.
func hashOpen(open func() (io.ReadCloser, error), salt string) (string, error) {
	rc, err := open()
	if err != nil {
		return "", err
	}
	defer func() { _ = rc.Close() }()
	sum, _, err := checksum.Reader(rc, salt)
	return sum, err
}

// metaOf is the revision metadata of a bulk item as upload options (validated by the same column rule).
func metaOf(m types.RevisionMeta) *Options {
	return &Options{Description: m.Description, DisplayName: m.DisplayName, VersionName: m.VersionName,
		ExternalIdentifier: m.ExternalIdentifier}
}
