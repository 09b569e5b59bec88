package upload

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/istari-sdk/istari-go/internal/storage"
	"github.com/istari-sdk/istari-go/internal/telemetry"
	"github.com/istari-sdk/istari-go/types"
)

// partURLBatch is the most part URLs requested per generate_multipart_part_urls call.
const partURLBatch = 100

// partURLs returns the URLs of the 0-based parts [lo, hi), in order.
func (u *Uploader) partURLs(ctx context.Context, uploadID string, lo, hi int) ([]string, error) {
	nums := make([]int, 0, hi-lo)
	for i := lo; i < hi; i++ {
		nums = append(nums, i+1)
	}
	got, err := u.Registry.PartURLs(ctx, uploadID, nums)
	if err != nil {
		return nil, err
	}
	urls := make([]string, hi-lo)
	for _, p := range got {
		if p.PartNumber > lo && p.PartNumber <= hi {
			urls[p.PartNumber-1-lo] = p.URL
		}
	}
	for i, url := range urls {
		if url == "" {
			return nil, fmt.Errorf("no URL for part %d", lo+i+1)
		}
	}
	return urls, nil
}

// Put stores size bytes of ra under (sha, salt): one presigned PUT, or a multipart upload from Threshold bytes
// on.
func (u *Uploader) Put(ctx context.Context, sha, salt string, ra io.ReaderAt, size int64, prog *storage.Progress) error {
	if size >= u.Threshold {
		return u.putMultipart(ctx, sha, salt, ra, size, prog)
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

// putMultipart uploads size bytes of ra in ChunkSize parts, Concurrency at a time. Each part is streamed from
// its own io.SectionReader (no part is held in memory) and retried on its own by the transport. Part URLs are
// requested lazily, in batches of twice the concurrency, when the first part of a batch is about to be handed
// to a worker: the first byte goes out after one small call, and no URL waits long enough to expire. On
// failure the upload is aborted and the error names the upload id.
func (u *Uploader) putMultipart(ctx context.Context, sha, salt string, ra io.ReaderAt, size int64, prog *storage.Progress) error {
	chunk := u.ChunkSize
	n := int((size + chunk - 1) / chunk)
	uploadID, err := u.Registry.CreateMultipart(ctx, &types.NewMultipartUpload{SHA: sha, Salt: salt, Size: size, PartSize: chunk})
	if err != nil {
		return err
	}
	fail := func(cause error) error {
		actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		if aerr := u.Registry.AbortMultipart(actx, uploadID); aerr != nil {
			u.Logger.WarnContext(ctx, "istari: aborting a multipart upload failed", "upload_id", uploadID, "error", aerr.Error())
		}
		return fmt.Errorf("istari: multipart upload %s (content sha %s) aborted: %w", uploadID, sha, cause)
	}

	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	etags := make([]string, n)
	var (
		wg       sync.WaitGroup
		errOnce  sync.Once
		firstErr error
	)
	setErr := func(err error) {
		errOnce.Do(func() { firstErr = err })
		cancel()
	}
	type job struct {
		i   int
		url string
	}
	jobs := make(chan job)
	for range min(u.Concurrency, n) {
		wg.Go(func() {
			for j := range jobs {
				off, n := int64(j.i)*chunk, min(chunk, size-int64(j.i)*chunk)
				pctx, span := u.Telemetry.StartTransfer(wctx, telemetry.Upload, j.i+1, n)
				etag, err := u.Transfers.Put(pctx, j.url, ra, off, n, prog.Part())
				span.EndTransfer(n, err)
				if err != nil {
					setErr(fmt.Errorf("part %d: %w", j.i+1, u.storageErr(err)))
					continue
				}
				etags[j.i] = etag
			}
		})
	}
	batch := min(partURLBatch, max(1, 2*u.Concurrency))
	var urls []string // URLs of parts [from, from+len(urls))
	from := 0
feed:
	for i := range n {
		if i >= from+len(urls) {
			from = i
			if urls, err = u.partURLs(wctx, uploadID, i, min(n, i+batch)); err != nil {
				setErr(err)
				break feed
			}
		}
		select {
		case jobs <- job{i: i, url: urls[i-from]}:
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
	parts := make([]types.CompletedPart, n)
	for i := range parts {
		parts[i] = types.CompletedPart{PartNumber: i + 1, ETag: etags[i]}
	}
	if err := u.Registry.CompleteMultipart(ctx, uploadID, parts); err != nil {
		return fail(err)
	}
	return nil
}
