package upload

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/istari-sdk/istari-go/internal/storage"
	"github.com/istari-sdk/istari-go/internal/telemetry"
	"github.com/istari-sdk/istari-go/types"
)

// shaExists is how the registry refuses create_multipart_upload for content it already holds; the upload is
// then done (Python _upload_content_multipart does the same).
const shaExists = "Sha already exists"

// partURLs checks that the answer of create_multipart_upload has a URL for each of the n parts, keyed "1".."n",
// and returns them in part order.
func partURLs(up *types.MultipartUpload, n int) ([]string, error) {
	if len(up.UploadURLs) != n {
		return nil, fmt.Errorf("%d part URLs for %d parts", len(up.UploadURLs), n)
	}
	urls := make([]string, n)
	for i := range urls {
		u, ok := up.UploadURLs[strconv.Itoa(i+1)]
		if !ok || u.URL == "" {
			return nil, fmt.Errorf("no URL for part %d", i+1)
		}
		urls[i] = u.URL
	}
	return urls, nil
}

// partETag is what finalize_multipart_upload needs of a part's answer: the ETag without its quotes, or "N/A"
// for an Azure block (Azure answers no ETag; the registry counts the staged blocks instead).
func partETag(rawURL, etag string) (string, error) {
	switch etag = strings.Trim(etag, `"`); {
	case etag != "":
		return etag, nil
	case storage.IsAzure(rawURL):
		return "N/A", nil
	default:
		return "", errors.New("the object store answered no ETag")
	}
}

// Put stores size bytes of ra under (sha, salt): one presigned PUT, or a multipart upload above Threshold bytes
// (Python uploads in one request up to and including multipart_threshold).
func (u *Uploader) Put(ctx context.Context, sha, salt string, ra io.ReaderAt, size int64, prog *storage.Progress) error {
	if size > u.Threshold {
		return u.putMultipart(ctx, sha, ra, size, prog)
	}
	url, err := u.Registry.UploadURL(ctx, sha, salt)
	if err != nil {
		return err
	}
	tctx, span := u.Telemetry.StartTransfer(ctx, telemetry.Upload, 0, size)
	_, err = u.Transfers.Put(tctx, url, ra, 0, size, prog.Part())
	span.EndTransfer(size, err)
	return u.storageErr(err)
}

// putMultipart uploads size bytes of ra in ChunkSize parts, Concurrency at a time, as Python's
// _upload_content_multipart does on the wire: create_multipart_upload with the content sha and the number of
// parts answers a presigned URL for every part at once (the protocol has no call for more URLs later, so all
// parts must go up before the first URL expires); each part is PUT and its ETag kept; finalize_multipart_upload
// with action "complete" and the ETags in part order assembles the object. Each part is streamed from its own
// io.SectionReader (no part is held in memory) and retried on its own by the transport. On any failure,
// including ctx's cancellation, finalize_multipart_upload with action "cancel" discards the parts, and the
// error names the upload id.
func (u *Uploader) putMultipart(ctx context.Context, sha string, ra io.ReaderAt, size int64, prog *storage.Progress) error {
	chunk := u.ChunkSize
	n := int((size + chunk - 1) / chunk)
	up, err := u.Registry.CreateMultipart(ctx, &types.NewMultipartUpload{SHA: sha, NumParts: n})
	if err != nil {
		if strings.Contains(err.Error(), shaExists) {
			return nil // the registry already holds this content
		}
		return err
	}
	fail := func(cause error) error {
		actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		body := &types.FinalizeMultipartUpload{Action: types.MultipartCancel, SHA: sha, UploadID: up.UploadID}
		if aerr := u.Registry.FinalizeMultipart(actx, body); aerr != nil {
			u.Logger.WarnContext(ctx, "istari: cancelling a multipart upload failed", "upload_id", up.UploadID, "error", aerr.Error())
		}
		return fmt.Errorf("istari: multipart upload %s (content sha %s) cancelled: %w", up.UploadID, sha, cause)
	}
	urls, err := partURLs(up, n)
	if err != nil {
		return fail(fmt.Errorf("create_multipart_upload: %w", err))
	}

	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	parts := make([]types.CompletedPart, n)
	var (
		wg       sync.WaitGroup
		errOnce  sync.Once
		firstErr error
	)
	setErr := func(err error) {
		errOnce.Do(func() { firstErr = err })
		cancel()
	}
	jobs := make(chan int)
	for range min(u.Concurrency, n) {
		wg.Go(func() {
			for i := range jobs {
				off, n := int64(i)*chunk, min(chunk, size-int64(i)*chunk)
				pctx, span := u.Telemetry.StartTransfer(wctx, telemetry.Upload, i+1, n)
				etag, err := u.Transfers.Put(pctx, urls[i], ra, off, n, prog.Part())
				span.EndTransfer(n, err)
				if err == nil {
					etag, err = partETag(urls[i], etag)
				} else {
					err = u.storageErr(err)
				}
				if err != nil {
					setErr(fmt.Errorf("part %d: %w", i+1, err))
					continue
				}
				parts[i] = types.CompletedPart{ETag: etag, PartNumber: i + 1}
			}
		})
	}
feed:
	for i := range n {
		select {
		case jobs <- i:
		case <-wctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	if firstErr != nil {
		return fail(firstErr)
	}
	done := &types.FinalizeMultipartUpload{Action: types.MultipartComplete, SHA: sha, UploadID: up.UploadID, CompletedParts: parts}
	if err := u.Registry.FinalizeMultipart(ctx, done); err != nil {
		return fail(err)
	}
	return nil
}
